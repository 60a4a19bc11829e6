-- openai/gpt-oss-20b (fixture).
-- Fields: config.json tests/data/hf-configs/gpt-oss-20b.json (transcribed from
--   https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json), read by taf.read_config.
-- Parameter count: gpt-oss model card (arXiv 2508.10925) Table 1: gpt-oss-20b 20.91B total, 3.61B active.
-- Context: gpt-oss model card (arXiv 2508.10925): context length 131,072 (YaRN from 4,096); alternating
--   banded-window (128 tokens) and dense attention, learned attention sinks.
return model {
  id = "openai/gpt-oss-20b",
  aliases = { "gpt-oss:20b", "gptoss-20b" },
  family = "gpt_oss", architecture = "SWA", position = "rope", dtype = "mxfp4", theta = 150000,
  T_train = 4096, T_max = 131072, n_attention_heads = 64, n_kv_heads = 8, d_head = 64, n_layers = 24,
  d_model = 2880, d_ff = 2880, vocab = 201088, n_params = 20908119360, n_params_active = 4186608960,
  has_SWA = true, sliding_window = 128, n_swa_layers = 12, n_attention_layers = 24, n_experts = 32,
  n_experts_active = 4, tie_word_embeddings = false,
  rope_scaling = { beta_fast = 32, beta_slow = 1, factor = 32, original_max_position_embeddings = 4096, rope_type = "yarn", truncate = false },
  source = "config.json tests/data/hf-configs/gpt-oss-20b.json (transcribed from https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 2.091e+10: gpt-oss model card (arXiv 2508.10925) Table 1: gpt-oss-20b 20.91B total, 3.61B active",
    "context: gpt-oss model card (arXiv 2508.10925): context length 131,072 (YaRN from 4,096); alternating banded-window (128 tokens) and dense attention, learned attention sinks",
    "n_params_active counts the input embedding too (the card's 3.61B active does not)",
    "attention sinks (one learned logit per head) are not a preset field",
  },
}
