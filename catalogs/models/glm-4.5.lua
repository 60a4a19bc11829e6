-- zai-org/GLM-4.5 (pending patched).
-- Fields: config.json tests/data/hf-configs/pending/glm-4.5.json (transcribed from
--   https://huggingface.co/zai-org/GLM-4.5/blob/main/config.json), read by taf.read_config with model_type =
--   deepseek_v3.
-- Parameter count: GLM-4.5 report (arXiv 2508.06471) and model card: 355B total, 32B active parameters.
-- Context: GLM-4.5 model card: context length 128K.
return model {
  id = "zai-org/GLM-4.5",
  aliases = { "glm4.5", "zai-org/GLM-4.5-Base", "THUDM/GLM-4.5" },
  family = "glm4_moe", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 96, n_kv_heads = 8, d_head = 128, n_layers = 92,
  d_model = 5120, d_ff = 12288, vocab = 151552, n_params = 352798262272, n_params_active = 33632699392,
  has_SWA = false, n_attention_layers = 92, n_experts = 160, n_experts_active = 8, n_shared_experts = 1,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pending/glm-4.5.json (transcribed from https://huggingface.co/zai-org/GLM-4.5/blob/main/config.json), read by taf.read_config with model_type = deepseek_v3",
  notes = {
    "published_params: 3.55e+11: GLM-4.5 report (arXiv 2508.06471) and model card: 355B total, 32B active parameters",
    "context: GLM-4.5 model card: context length 128K",
    "fields are taf.read_config of the pending config with model_type read as deepseek_v3 (first_k_dense_replace, n_shared_experts, routed experts; no kv_lora_rank, so no MLA); family stays glm4_moe; the MTP layer (num_nextn_predict_layers 1) is not counted",
  },
}
