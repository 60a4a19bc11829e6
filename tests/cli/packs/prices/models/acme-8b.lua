return model {
  id = "acme/acme-8b", aliases = { "acme" }, family = "llama",
  theta = 500000, T_train = 16384, n_attention_heads = 32, n_kv_heads = 8, d_head = 128,
  n_layers = 32, n_params = 8e9, has_SWA = false, architecture = "FULL",
  source = "in-house fine-tune of Llama-3-8B with a 16k context",
}
