-- meta-llama/Llama-4-Scout-17B-16E-Instruct (pending read).
-- Fields: config.json tests/data/hf-configs/pending/llama-4-scout-17b-16e-instruct.json (transcribed from
--   https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/config.json), read by
--   taf.read_config.
-- Parameter count: Llama 4 model card: Scout 17B activated, 109B total parameters (the figure includes the
--   vision encoder, about 0.87B from its vision_config).
-- Context: Llama 4 model card: context length 10M (Scout).
return model {
  id = "meta-llama/Llama-4-Scout-17B-16E-Instruct",
  aliases = { "llama-4-scout", "llama4-scout", "meta-llama/Llama-4-Scout-17B-16E", "llama-4-scout-17b-16e-instruct" },
  family = "llama4_text", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 10485760, n_attention_heads = 40, n_kv_heads = 8, d_head = 128, n_layers = 48,
  d_model = 5120, d_ff = 8192, vocab = 202048, n_params = 107769861120, n_params_active = 17172894720,
  has_SWA = true, sliding_window = 8192, n_swa_layers = 36, n_attention_layers = 48, n_experts = 16,
  n_experts_active = 1, n_shared_experts = 1, tie_word_embeddings = false,
  rope_scaling = { factor = 16, high_freq_factor = 1, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/pending/llama-4-scout-17b-16e-instruct.json (transcribed from https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.09e+11 (tolerance 2%): Llama 4 model card: Scout 17B activated, 109B total parameters (the figure includes the vision encoder, about 0.87B from its vision_config)",
    "context: Llama 4 model card: context length 10M (Scout)",
    "chunked attention (attention_chunk_size 8192) on the 36 RoPE layers, written as sliding_window = 8192 over n_swa_layers = 36: a chunked layer keeps at most one chunk of keys; the 12 NoPE layers (every 4th) attend to the whole context",
    "n_params is the text model: 107.8B; the vision encoder and projector add about 0.87B (vision_config)",
    "n_params and n_params_active computed by taf.read_config from the shapes (Llama4ForCausalLM text model): routed experts (intermediate_size 8192) plus one shared expert on all 48 layers",
  },
}
