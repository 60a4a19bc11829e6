-- ai21labs/AI21-Jamba-1.5-Mini (fixture).
-- Fields: config.json tests/data/hf-configs/ai21-jamba-1.5-mini.json (transcribed from
--   https://huggingface.co/ai21labs/AI21-Jamba-1.5-Mini/blob/main/config.json), read by taf.read_config.
-- Parameter count: AI21 Jamba 1.5 model card: Jamba 1.5 Mini 52B total, 12B active parameters.
-- Context: Jamba 1.5 model card: effective context length of 256K.
return model {
  id = "ai21labs/AI21-Jamba-1.5-Mini",
  aliases = { "jamba-1.5-mini" },
  family = "jamba", architecture = "HYBRID", position = "none", dtype = "bfloat16", T_train = 262144,
  T_max = 262144, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 32, d_model = 4096,
  d_ff = 14336, vocab = 65536, n_params = 51570323328, n_params_active = 12110311296, has_SWA = false,
  n_attention_layers = 4, n_experts = 16, n_experts_active = 2, state_elements = 4358144,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/ai21-jamba-1.5-mini.json (transcribed from https://huggingface.co/ai21labs/AI21-Jamba-1.5-Mini/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 5.2e+10: AI21 Jamba 1.5 model card: Jamba 1.5 Mini 52B total, 12B active parameters",
    "context: Jamba 1.5 model card: effective context length of 256K",
  },
}
