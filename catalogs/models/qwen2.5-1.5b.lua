-- Qwen/Qwen2.5-1.5B (fixture).
-- Fields: config.json tests/data/hf-configs/qwen2.5-1.5b.json (transcribed from
--   https://huggingface.co/Qwen/Qwen2.5-1.5B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Qwen2.5-1.5B model card: Number of Parameters 1.54B.
-- Context: Qwen2.5-1.5B model card (https://huggingface.co/Qwen/Qwen2.5-1.5B): 'Context Length: Full 32,768
--   tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768. The config's max_position_embeddings
--   131072 (T_train and T_max here) is not a trained length: give --set T_train=32768 --set T_max=32768 for
--   the card's.
return model {
  id = "Qwen/Qwen2.5-1.5B",
  aliases = { "qwen2.5-1.5b-instruct", "qwen-2.5-1.5b" },
  family = "qwen2", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000000,
  T_train = 131072, T_max = 131072, n_attention_heads = 12, n_kv_heads = 2, d_head = 128, n_layers = 28,
  d_model = 1536, d_ff = 8960, vocab = 151936, n_params = 1543714304, has_SWA = false,
  n_attention_layers = 28, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/qwen2.5-1.5b.json (transcribed from https://huggingface.co/Qwen/Qwen2.5-1.5B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1540000000: Qwen2.5-1.5B model card: Number of Parameters 1.54B",
    "context: Qwen2.5-1.5B model card (https://huggingface.co/Qwen/Qwen2.5-1.5B): 'Context Length: Full 32,768 tokens'; the Qwen2.5 report (arXiv 2412.15115) pre-trains at 32,768. The config's max_position_embeddings 131072 (T_train and T_max here) is not a trained length: give --set T_train=32768 --set T_max=32768 for the card's",
  },
}
