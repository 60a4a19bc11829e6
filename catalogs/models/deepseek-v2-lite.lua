-- deepseek-ai/DeepSeek-V2-Lite (fixture).
-- Fields: config.json tests/data/hf-configs/deepseek-v2-lite.json (transcribed from
--   https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite/blob/main/config.json), read by taf.read_config.
-- Parameter count: DeepSeek-V2 paper (arXiv 2405.04434) App. B: DeepSeek-V2-Lite 15.7B total, 2.4B activated.
-- Context: DeepSeek-V2-Lite model card: context length 32k.
return model {
  id = "deepseek-ai/DeepSeek-V2-Lite",
  aliases = { "deepseek-v2-lite-chat" },
  family = "deepseek_v2", architecture = "MLA", position = "rope", dtype = "bfloat16", theta = 10000,
  T_train = 4096, T_max = 163840, n_attention_heads = 16, n_kv_heads = 16, d_head = 192, n_layers = 27,
  d_model = 2048, d_ff = 10944, vocab = 102400, n_params = 15706484224, n_params_active = 2661150208,
  has_SWA = false, n_attention_layers = 27, n_experts = 64, n_experts_active = 6, n_shared_experts = 2,
  kv_lora_rank = 512, qk_rope_head_dim = 64, qk_nope_head_dim = 128, v_head_dim = 128,
  tie_word_embeddings = false,
  rope_scaling = { beta_fast = 32, beta_slow = 1, factor = 40, mscale = 0.707, mscale_all_dim = 0.707, original_max_position_embeddings = 4096, type = "yarn" },
  source = "config.json tests/data/hf-configs/deepseek-v2-lite.json (transcribed from https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.57e+10: DeepSeek-V2 paper (arXiv 2405.04434) App. B: DeepSeek-V2-Lite 15.7B total, 2.4B activated",
    "context: DeepSeek-V2-Lite model card: context length 32k",
  },
}
