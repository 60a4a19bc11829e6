-- meta-llama/Llama-4-Maverick-17B-128E-Instruct (pending read).
-- Fields: config.json tests/data/hf-configs/pending/llama-4-maverick-17b-128e-instruct.json (transcribed from
--   https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct/blob/main/config.json), read by
--   taf.read_config.
-- Parameter count: Llama 4 model card: Maverick 17B activated, 400B total parameters.
-- Context: Llama 4 model card: context length 1M (Maverick).
return model {
  id = "meta-llama/Llama-4-Maverick-17B-128E-Instruct",
  aliases = { "llama-4-maverick", "llama4-maverick", "meta-llama/Llama-4-Maverick-17B-128E", "llama-4-maverick-17b-128e-instruct" },
  family = "llama4_text", architecture = "SWA", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 1048576, T_max = 1048576, n_attention_heads = 40, n_kv_heads = 8, d_head = 128, n_layers = 48,
  d_model = 5120, d_ff = 8192, vocab = 202048, n_params = 400711848960, n_params_active = 17184691200,
  has_SWA = true, sliding_window = 8192, n_swa_layers = 36, n_attention_layers = 48, n_experts = 128,
  n_experts_active = 1, n_shared_experts = 1, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/pending/llama-4-maverick-17b-128e-instruct.json (transcribed from https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 4e+11: Llama 4 model card: Maverick 17B activated, 400B total parameters",
    "context: Llama 4 model card: context length 1M (Maverick)",
    "chunked attention (attention_chunk_size 8192) on the 36 RoPE layers, written as sliding_window = 8192 over n_swa_layers = 36: a chunked layer keeps at most one chunk of keys; the 12 NoPE layers (every 4th) attend to the whole context",
    "n_params is the text model: 400.7B; the vision encoder and projector add about 0.87B (vision_config)",
    "n_params and n_params_active computed by taf.read_config from the shapes (Llama4ForCausalLM text model): routed experts (intermediate_size 8192) plus one shared expert on 24 (interleave_moe_layer_step 2) layers, dense MLPs of intermediate_size_mlp 16384 on the other 24",
  },
}
