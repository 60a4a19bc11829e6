-- zai-org/GLM-4.5 (pending read).
-- Fields: config.json tests/data/hf-configs/pending/glm-4.5.json (transcribed from
--   https://huggingface.co/zai-org/GLM-4.5/blob/main/config.json), read by taf.read_config.
-- Parameter count: GLM-4.5 report (arXiv 2508.06471) and model card: 355B total, 32B active parameters.
-- Context: GLM-4.5 model card: context length 128K.
return model {
  id = "zai-org/GLM-4.5",
  aliases = { "glm4.5", "zai-org/GLM-4.5-Base", "THUDM/GLM-4.5" },
  family = "glm4_moe", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 96, n_kv_heads = 8, d_head = 128, n_layers = 92,
  d_model = 5120, d_ff = 12288, vocab = 151552, n_params = 352797829024, n_params_active = 33632266144,
  has_SWA = false, n_attention_layers = 92, n_experts = 160, n_experts_active = 8, n_shared_experts = 1,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pending/glm-4.5.json (transcribed from https://huggingface.co/zai-org/GLM-4.5/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 3.55e+11: GLM-4.5 report (arXiv 2508.06471) and model card: 355B total, 32B active parameters",
    "context: GLM-4.5 model card: context length 128K",
    "fields are taf.read_config of the pending config (Glm4MoeForCausalLM: 3 dense layers (first_k_dense_replace), then 160 routed experts and 1 shared expert of moe_intermediate_size 1536 with a router and its e_score_correction_bias; q/k/v biases, no o_proj bias; q/k RMSNorms (use_qk_norm)); the MTP layer (num_nextn_predict_layers 1) is not counted",
    "n_params_active counts the embeddings and the output head (1.55B); without them 32.1B, the published 32B active",
  },
}
