-- ibm-granite/granite-4.0-h-small (manual).
-- Fields: computed by hand from https://huggingface.co/ibm-granite/granite-4.0-h-small/blob/main/config.json
--   (no copy stored).
-- Parameter count: Granite 4.0 model card (ibm-granite/granite-4.0-h-small): 32B total parameters, 9B active.
-- Context: Granite 4.0 model card: trained with 128K context.
return model {
  id = "ibm-granite/granite-4.0-h-small",
  aliases = { "granite-4-h-small", "granite-4.0-h-small-base" },
  family = "granitemoehybrid", architecture = "HYBRID", position = "none", dtype = "bfloat16",
  T_train = 131072, T_max = 131072, n_attention_heads = 32, n_kv_heads = 8, d_head = 128, n_layers = 40,
  d_model = 4096, d_ff = 768, vocab = 100352, n_params = 32207337984, n_params_active = 8803121664,
  has_SWA = false, n_attention_layers = 4, n_experts = 72, n_experts_active = 10, n_shared_experts = 1,
  state_elements = 38661120, tie_word_embeddings = true,
  source = "computed by hand from https://huggingface.co/ibm-granite/granite-4.0-h-small/blob/main/config.json (no copy stored)",
  notes = {
    "published_params: 3.2e+10: Granite 4.0 model card (ibm-granite/granite-4.0-h-small): 32B total parameters, 9B active",
    "context: Granite 4.0 model card: trained with 128K context",
    "hybrid: 4 attention layers (no positional encoding: position_embedding_type nope) and 36 Mamba-2 layers (layer_types)",
    "state_elements = 36 Mamba-2 layers x (8192 x 128 SSM state + (8192 + 2x128) x 3 conv state): mamba_n_heads 128 x mamba_d_head 64, mamba_d_state 128, mamba_n_groups 1, mamba_d_conv 4",
    "n_params and n_params_active computed from the shapes: 72 experts of intermediate_size 768 (top 10) and a shared expert of shared_intermediate_size 1536 on every layer",
    "shape fields from https://huggingface.co/ibm-granite/granite-4.0-h-small/blob/main/config.json (hidden_size, layers, heads, experts, intermediate sizes, mamba_d_state, tie_word_embeddings, vocab_size as quoted in a public worked example; mamba_n_heads 128 x mamba_d_head 64 = mamba_expand x hidden_size and max_position_embeddings 131072 transcribed without a stored copy to check them against); no copy of the whole file is stored here",
  },
}
