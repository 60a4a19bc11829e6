-- deepseek-ai/DeepSeek-V3.1 (fixture).
-- Fields: config.json tests/data/hf-configs/deepseek-v3.1.json (verbatim copy of deepseek-ai/DeepSeek-V3.1's
--   config.json in tenstorrent/tt-forge-models deepseek/deepseek_v3_1/pytorch/config.json @
--   413c28e41bf2ccd62dbe7506836b2fd5f3ae782c), read by taf.read_config.
-- Parameter count: DeepSeek-V3.1 model card (Model Downloads table): 671B total, 37B activated (MTP module
--   excluded).
-- Context: DeepSeek-V3.1 model card: context length 128K (long-context extension to 32K then 128K).
return model {
  id = "deepseek-ai/DeepSeek-V3.1",
  aliases = { "deepseek-v3.1-base", "deepseek-ai/DeepSeek-V3.1-Base" },
  family = "deepseek_v3", architecture = "MLA", position = "rope", dtype = "FP8", theta = 10000,
  T_train = 4096, T_max = 163840, n_attention_heads = 128, n_kv_heads = 128, d_head = 192, n_layers = 61,
  d_model = 7168, d_ff = 18432, vocab = 129280, n_params = 671026419200, n_params_active = 37552297472,
  has_SWA = false, n_attention_layers = 61, n_experts = 256, n_experts_active = 8, n_shared_experts = 1,
  kv_lora_rank = 512, q_lora_rank = 1536, qk_rope_head_dim = 64, qk_nope_head_dim = 128, v_head_dim = 128,
  tie_word_embeddings = false,
  rope_scaling = { beta_fast = 32, beta_slow = 1, factor = 40, mscale = 1, mscale_all_dim = 1, original_max_position_embeddings = 4096, type = "yarn" },
  source = "config.json tests/data/hf-configs/deepseek-v3.1.json (verbatim copy of deepseek-ai/DeepSeek-V3.1's config.json in tenstorrent/tt-forge-models deepseek/deepseek_v3_1/pytorch/config.json @ 413c28e41bf2ccd62dbe7506836b2fd5f3ae782c), read by taf.read_config",
  notes = {
    "published_params: 6.71e+11: DeepSeek-V3.1 model card (Model Downloads table): 671B total, 37B activated (MTP module excluded)",
    "context: DeepSeek-V3.1 model card: context length 128K (long-context extension to 32K then 128K)",
  },
}
