-- nvidia/Nemotron-H-8B-Base-8K (pending read).
-- Fields: config.json tests/data/hf-configs/pending/nemotron-h-8b-base-8k.json (transcribed from
--   https://huggingface.co/nvidia/Nemotron-H-8B-Base-8K/blob/main/config.json), read by taf.read_config.
-- Parameter count: Nemotron-H paper (arXiv 2504.03624) and model card: Nemotron-H-8B, 8B parameters (rounded:
--   the shapes give 8.10B).
-- Context: Nemotron-H-8B-Base-8K model card: 8K context.
return model {
  id = "nvidia/Nemotron-H-8B-Base-8K",
  aliases = { "nemotron-h-8b", "nemotron-h-8b-base" },
  family = "nemotron_h", architecture = "HYBRID", position = "none", dtype = "bfloat16", T_train = 8192,
  T_max = 8192, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 52, d_model = 4096,
  d_ff = 21504, vocab = 131072, n_params = 8100852736, has_SWA = false, n_attention_layers = 4,
  state_elements = 25903104, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pending/nemotron-h-8b-base-8k.json (transcribed from https://huggingface.co/nvidia/Nemotron-H-8B-Base-8K/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 8000000000 (tolerance 2%): Nemotron-H paper (arXiv 2504.03624) and model card: Nemotron-H-8B, 8B parameters (rounded: the shapes give 8.10B)",
    "context: Nemotron-H-8B-Base-8K model card: 8K context",
  },
}
