-- Qwen/Qwen2.5-72B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen2.5-72b.json (transcribed from
--   https://huggingface.co/Qwen/Qwen2.5-72B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Qwen2.5-72B model card: Number of Parameters 72.7B.
-- Context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072
--   tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN.
return model {
  id = "Qwen/Qwen2.5-72B",
  aliases = { "qwen2.5-72b-instruct", "qwen-2.5-72b" },
  family = "qwen2", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 64, n_kv_heads = 8, d_head = 128, n_layers = 80,
  d_model = 8192, d_ff = 29568, vocab = 152064, n_params = 72706203648, has_SWA = false,
  n_attention_layers = 80, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen2.5-72b.json (transcribed from https://huggingface.co/Qwen/Qwen2.5-72B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 7.27e+10: Qwen2.5-72B model card: Number of Parameters 72.7B",
    "context: Qwen2.5 base model card (e.g. https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072 tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768 and reaches 131,072 with YaRN",
  },
}
