-- Qwen/Qwen2.5-0.5B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen2.5-0.5b.json (transcribed from
--   https://huggingface.co/Qwen/Qwen2.5-0.5B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Qwen2.5-0.5B model card: Number of Parameters 0.49B.
-- Context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-3B): 'Context Length: Full
--   32,768 tokens'.
return model {
  id = "Qwen/Qwen2.5-0.5B",
  aliases = { "qwen2.5-0.5b-instruct", "qwen-2.5-0.5b" },
  family = "qwen2", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 32768, T_max = 32768, n_attention_heads = 14, n_kv_heads = 2, d_head = 64, n_layers = 24,
  d_model = 896, d_ff = 4864, vocab = 151936, n_params = 494032768, has_SWA = false, n_attention_layers = 24,
  tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/qwen2.5-0.5b.json (transcribed from https://huggingface.co/Qwen/Qwen2.5-0.5B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 490000000: Qwen2.5-0.5B model card: Number of Parameters 0.49B",
    "context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-3B): 'Context Length: Full 32,768 tokens'",
  },
}
