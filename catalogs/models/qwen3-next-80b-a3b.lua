-- Qwen/Qwen3-Next-80B-A3B-Instruct (fixture).
-- Fields: config.json tests/data/hf-configs/qwen3-next-80b-a3b-instruct.json (verbatim copy of
--   Qwen/Qwen3-Next-80B-A3B-Instruct's config.json in aliyun/SimAI
--   vidur-alibabacloud/data/hf_configs/qwen3-next-80B-A3B_config.json @ 83294b3ed91c803256762fc0bbe17b80c93ee6c0),
--   read by taf.read_config.
-- Parameter count: Qwen3-Next-80B-A3B-Instruct model card: 80B in total and 3B activated.
-- Context: Qwen3-Next-80B-A3B-Instruct model card: 'Context Length: 262,144 natively and extensible up to
--   1,010,000 tokens'.
return model {
  id = "Qwen/Qwen3-Next-80B-A3B-Instruct",
  aliases = { "qwen3-next", "qwen3-next-80b-a3b-instruct", "Qwen/Qwen3-Next-80B-A3B-Thinking" },
  family = "qwen3_next", architecture = "HYBRID", position = "rope", dtype = "bfloat16", theta = 10000000,
  T_train = 262144, T_max = 262144, n_attention_heads = 16, n_kv_heads = 2, d_head = 256, n_layers = 48,
  d_model = 2048, d_ff = 5120, vocab = 151936, n_params = 79674391296, n_params_active = 3874929408,
  has_SWA = false, n_attention_layers = 12, n_experts = 512, n_experts_active = 10, n_shared_experts = 1,
  state_elements = 19759104, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/qwen3-next-80b-a3b-instruct.json (verbatim copy of Qwen/Qwen3-Next-80B-A3B-Instruct's config.json in aliyun/SimAI vidur-alibabacloud/data/hf_configs/qwen3-next-80B-A3B_config.json @ 83294b3ed91c803256762fc0bbe17b80c93ee6c0), read by taf.read_config",
  notes = {
    "published_params: 8e+10: Qwen3-Next-80B-A3B-Instruct model card: 80B in total and 3B activated",
    "context: Qwen3-Next-80B-A3B-Instruct model card: 'Context Length: 262,144 natively and extensible up to 1,010,000 tokens'",
    "hybrid: 12 gated full-attention layers (full_attention_interval 4) and 36 Gated DeltaNet linear-attention layers",
    "state_elements = 36 Gated DeltaNet layers x (32 value heads x 128 x 128 recurrent state + 8192-channel conv state x 3)",
    "n_params and n_params_active computed by taf.read_config from the shapes (Qwen3NextForCausalLM: 512 routed experts of 512, 1 shared expert, gated attention output)",
    "RoPE on 25% of each head (partial_rotary_factor 0.25)",
  },
}
