-- ai21labs/AI21-Jamba-1.5-Large (fixture).
-- Fields: config.json tests/data/hf-configs/ai21-jamba-1.5-large.json (transcribed from
--   https://huggingface.co/ai21labs/AI21-Jamba-1.5-Large/blob/main/config.json), read by taf.read_config.
-- Parameter count: Jamba 1.5 paper (arXiv 2408.12570): Jamba 1.5 Large 398B total, 94B active parameters.
-- Context: Jamba 1.5 model card: effective context length of 256K.
return model {
  id = "ai21labs/AI21-Jamba-1.5-Large",
  aliases = { "jamba-1.5-large" },
  family = "jamba", architecture = "HYBRID", position = "none", dtype = "bfloat16", T_train = 262144,
  T_max = 262144, n_attention_heads = 64, n_kv_heads = 8, d_head = 128, n_layers = 72, d_model = 8192,
  d_ff = 24576, vocab = 65536, n_params = 398555145696, n_params_active = 94149338592, has_SWA = false,
  n_attention_layers = 9, n_experts = 16, n_experts_active = 2, state_elements = 19611648,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/ai21-jamba-1.5-large.json (transcribed from https://huggingface.co/ai21labs/AI21-Jamba-1.5-Large/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 3.98e+11: Jamba 1.5 paper (arXiv 2408.12570): Jamba 1.5 Large 398B total, 94B active parameters",
    "context: Jamba 1.5 model card: effective context length of 256K",
  },
}
