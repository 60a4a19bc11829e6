-- deepseek-ai/DeepSeek-V3 (fixture).
-- Fields: config.json tests/data/hf-configs/deepseek-v3.json (transcribed from
--   https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json), read by taf.read_config.
-- Parameter count: DeepSeek-V3 report (arXiv 2412.19437): 671B total (main model, MTP module excluded), 37B
--   activated.
-- Context: DeepSeek-V3 model card / report (arXiv 2412.19437): context length 128K (YaRN from 4K to 32K to
--   128K).
return model {
  id = "deepseek-ai/DeepSeek-V3",
  aliases = { "deepseek-v3-0324", "deepseek-ai/DeepSeek-V3-Base" },
  family = "deepseek_v3", architecture = "MLA", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 4096, T_max = 163840, n_attention_heads = 128, n_kv_heads = 128, d_head = 192, n_layers = 61,
  d_model = 7168, d_ff = 18432, vocab = 129280, n_params = 671026419200, n_params_active = 37552297472,
  has_SWA = false, n_attention_layers = 61, n_experts = 256, n_experts_active = 8, n_shared_experts = 1,
  kv_lora_rank = 512, q_lora_rank = 1536, qk_rope_head_dim = 64, qk_nope_head_dim = 128, v_head_dim = 128,
  tie_word_embeddings = false,
  rope_scaling = { beta_fast = 32, beta_slow = 1, factor = 40, mscale = 1, mscale_all_dim = 1, original_max_position_embeddings = 4096, type = "yarn" },
  source = "config.json tests/data/hf-configs/deepseek-v3.json (transcribed from https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 6.71e+11: DeepSeek-V3 report (arXiv 2412.19437): 671B total (main model, MTP module excluded), 37B activated",
    "context: DeepSeek-V3 model card / report (arXiv 2412.19437): context length 128K (YaRN from 4K to 32K to 128K)",
  },
}
