-- meta-llama/Llama-3.1-405B (fixture).
-- Fields: config.json tests/data/hf-configs/llama-3.1-405b.json (transcribed from
--   https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Llama 3.1 model card (Model Information table): 405B.
-- Context: Llama 3.1 model card (https://huggingface.co/meta-llama/Llama-3.1-8B): context length 128k for 8B,
--   70B and 405B; pre-trained at 8K, then extended to 128K (Llama 3 herd paper, arXiv 2407.21783).
return model {
  id = "meta-llama/Llama-3.1-405B",
  aliases = { "llama3.1-405b", "llama-3.1-405b-instruct", "meta-llama/Llama-3.1-405B-Instruct" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 131072, n_attention_heads = 128, n_kv_heads = 8, d_head = 128, n_layers = 126,
  d_model = 16384, d_ff = 53248, vocab = 128256, n_params = 405853388800, has_SWA = false,
  n_attention_layers = 126, tie_word_embeddings = false,
  rope_scaling = { factor = 8, high_freq_factor = 4, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/llama-3.1-405b.json (transcribed from https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 4.05e+11: Llama 3.1 model card (Model Information table): 405B",
    "context: Llama 3.1 model card (https://huggingface.co/meta-llama/Llama-3.1-8B): context length 128k for 8B, 70B and 405B; pre-trained at 8K, then extended to 128K (Llama 3 herd paper, arXiv 2407.21783)",
  },
}
