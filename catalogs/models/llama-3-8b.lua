-- meta-llama/Meta-Llama-3-8B (fixture).
-- Fields: config.json tests/data/hf-configs/meta-llama-3-8b.json (transcribed from
--   https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page meta-llama/Meta-Llama-3-8B: 8.03B params.
-- Context: Meta Llama 3 model card (https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md): 8B and
--   70B, context length 8k.
return model {
  id = "meta-llama/Meta-Llama-3-8B",
  aliases = { "llama3-8b", "meta-llama-3-8b", "llama-3-8b-instruct" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 8192, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 32,
  d_model = 4096, d_ff = 14336, vocab = 128256, n_params = 8030261248, has_SWA = false,
  n_attention_layers = 32, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/meta-llama-3-8b.json (transcribed from https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 8030000000: Hugging Face model page meta-llama/Meta-Llama-3-8B: 8.03B params",
    "context: Meta Llama 3 model card (https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md): 8B and 70B, context length 8k",
  },
}
