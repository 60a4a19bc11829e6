-- zai-org/GLM-4.5-Air (pending read).
-- Fields: config.json tests/data/hf-configs/pending/glm-4.5-air.json (transcribed from
--   https://huggingface.co/zai-org/GLM-4.5-Air/blob/main/config.json), read by taf.read_config.
-- Parameter count: GLM-4.5 report (arXiv 2508.06471) and model card: GLM-4.5-Air 106B total, 12B active
--   parameters.
-- Context: GLM-4.5 model card: context length 128K.
return model {
  id = "zai-org/GLM-4.5-Air",
  aliases = { "glm4.5-air", "zai-org/GLM-4.5-Air-Base" },
  family = "glm4_moe", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 96, n_kv_heads = 8, d_head = 128, n_layers = 46,
  d_model = 4096, d_ff = 10944, vocab = 151552, n_params = 106852251264, n_params_active = 13424129664,
  has_SWA = false, n_attention_layers = 46, n_experts = 128, n_experts_active = 8, n_shared_experts = 1,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pending/glm-4.5-air.json (transcribed from https://huggingface.co/zai-org/GLM-4.5-Air/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.06e+11: GLM-4.5 report (arXiv 2508.06471) and model card: GLM-4.5-Air 106B total, 12B active parameters",
    "context: GLM-4.5 model card: context length 128K",
    "fields are taf.read_config of the pending config (Glm4MoeForCausalLM: 1 dense layer (first_k_dense_replace), then 128 routed experts and 1 shared expert of moe_intermediate_size 1408 with a router and its e_score_correction_bias; q/k/v biases, no o_proj bias; no q/k norms); the MTP layer (num_nextn_predict_layers 1) is not counted",
    "n_params_active counts the embeddings and the output head (1.24B); without them 12.2B, the published 12B active",
  },
}
