-- MiniMaxAI/MiniMax-Text-01 (manual).
-- Fields: computed by hand from https://huggingface.co/MiniMaxAI/MiniMax-Text-01/blob/main/config.json (no
--   copy stored).
-- Parameter count: MiniMax-01 report (arXiv 2501.08313) and model card: 456B total parameters, 45.9B
--   activated per token.
-- Context: MiniMax-Text-01 model card: 1 million tokens in training, up to 4 million at inference.
return model {
  id = "MiniMaxAI/MiniMax-Text-01",
  aliases = { "minimax-01", "minimax-text-01-hf" },
  family = "minimax", architecture = "HYBRID", position = "rope", dtype = "bfloat16", theta = 10000000,
  T_train = 10240000, T_max = 10240000, n_attention_heads = 64, n_kv_heads = 8, d_head = 128, n_layers = 80,
  d_model = 6144, d_ff = 9216, vocab = 200064, n_params = 456089655296, n_params_active = 48403306496,
  has_SWA = false, n_attention_layers = 10, n_experts = 32, n_experts_active = 2, state_elements = 73400320,
  tie_word_embeddings = false,
  source = "computed by hand from https://huggingface.co/MiniMaxAI/MiniMax-Text-01/blob/main/config.json (no copy stored)",
  notes = {
    "published_params: 4.56e+11: MiniMax-01 report (arXiv 2501.08313) and model card: 456B total parameters, 45.9B activated per token",
    "context: MiniMax-Text-01 model card: 1 million tokens in training, up to 4 million at inference",
    "hybrid: every 8th layer softmax attention (10 of 80, attn_type_list), the other 70 lightning (linear) attention",
    "state_elements = 70 lightning layers x 64 heads x 128 x 128",
    "T_train = max_position_embeddings 10240000 (no rope_scaling), the reader's rule; the card trains at 1M and infers to 4M",
    "RoPE on 64 of 128 head dimensions (rotary_dim 64)",
    "n_params and n_params_active computed from the shapes: 32 experts of intermediate_size 9216, top-2",
  },
}
