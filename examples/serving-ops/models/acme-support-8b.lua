-- Our support assistant: Llama-3-8B fine-tuned at 16k context (same shapes).
return model {
  id = "acme/support-8b", aliases = { "support-8b" }, family = "llama",
  theta = 500000, T_train = 16384, n_attention_heads = 32, n_kv_heads = 8, d_head = 128,
  n_layers = 32, n_params = 8e9, has_SWA = false, d_model = 4096, d_ff = 14336, vocab = 128256,
  architecture = "FULL", position = "rope", dtype = "bfloat16",
  source = "in-house fine-tune of meta-llama/Meta-Llama-3-8B (config.json of the release)",
}
