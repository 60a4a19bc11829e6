-- meta-llama/Llama-3.3-70B-Instruct (fixture).
-- Fields: config.json tests/data/hf-configs/llama-3.3-70b-instruct.json (transcribed from
--   https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page meta-llama/Llama-3.3-70B-Instruct: 70.6B params (model card: 70B).
-- Context: Llama 3.3 model card (https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct): 70B, context
--   length 128k; pre-trained at 8K (original_max_position_embeddings 8192), extended with rope_scaling llama3
--   ×8.
return model {
  id = "meta-llama/Llama-3.3-70B-Instruct",
  aliases = { "llama3.3-70b", "llama-3.3-70b-instruct" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 131072, n_attention_heads = 64, n_kv_heads = 8, d_head = 128, n_layers = 80,
  d_model = 8192, d_ff = 28672, vocab = 128256, n_params = 70553706496, has_SWA = false,
  n_attention_layers = 80, tie_word_embeddings = false,
  rope_scaling = { factor = 8, high_freq_factor = 4, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/llama-3.3-70b-instruct.json (transcribed from https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 70600000000: Hugging Face model page meta-llama/Llama-3.3-70B-Instruct: 70.6B params (model card: 70B)",
    "context: Llama 3.3 model card (https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct): 70B, context length 128k; pre-trained at 8K (original_max_position_embeddings 8192), extended with rope_scaling llama3 ×8",
  },
}
