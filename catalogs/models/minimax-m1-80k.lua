-- MiniMaxAI/MiniMax-M1-80k (fixture).
-- Fields: config.json tests/data/hf-configs/minimax-m1.json (verbatim copy of MiniMax-AI/MiniMax-M1's
--   config.json @ 2abb4f45a9df4154b4bde024d51874bd127edcee, shared by -40k and -80k), read by taf.read_config.
-- Parameter count: MiniMax-M1 report (arXiv 2506.13585) and model card: 456B total parameters, 45.9B
--   activated per token (MiniMax-Text-01 architecture).
-- Context: MiniMax-M1 model card: 1 million-token context, 80K-token thinking budget.
return model {
  id = "MiniMaxAI/MiniMax-M1-80k",
  aliases = { "minimax-m1", "minimax-m1-40k", "MiniMaxAI/MiniMax-M1-40k" },
  family = "minimax_m1", architecture = "HYBRID", position = "rope", theta = 10000000,
  T_train = 10240000, T_max = 10240000, n_attention_heads = 64, n_kv_heads = 8, d_head = 128, n_layers = 80,
  d_model = 6144, d_ff = 9216, vocab = 200064, n_params = 456089655296, n_params_active = 48403306496,
  has_SWA = false, n_attention_layers = 10, n_experts = 32, n_experts_active = 2, state_elements = 73400320,
  tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/minimax-m1.json (verbatim copy of MiniMax-AI/MiniMax-M1's config.json @ 2abb4f45a9df4154b4bde024d51874bd127edcee), read by taf.read_config",
  notes = {
    "published_params: 4.56e+11: MiniMax-M1 report (arXiv 2506.13585) and model card: 456B total parameters, 45.9B activated per token (MiniMax-Text-01 architecture)",
    "context: MiniMax-M1 model card: 1 million-token context, 80K-token thinking budget",
    "hybrid: every 8th layer softmax attention (10 of 80, attn_type_list), the other 70 lightning (linear) attention",
    "state_elements = 70 lightning layers x 64 heads x 128 x 128",
    "T_train = max_position_embeddings 10240000 (no rope_scaling), the reader's rule; the card trains at 1M and infers to 4M",
    "RoPE on 64 of 128 head dimensions (rotary_dim 64)",
    "n_params and n_params_active computed from the shapes: 32 experts of intermediate_size 9216, top-2",
    "dtype: the config states no torch_dtype (the published weights are bfloat16: --set weight_format=bf16)",
  },
}
