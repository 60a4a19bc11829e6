-- CohereForAI/c4ai-command-r-plus (pending read).
-- Fields: config.json tests/data/hf-configs/pending/c4ai-command-r-plus.json (transcribed from
--   https://huggingface.co/CohereForAI/c4ai-command-r-plus/blob/main/config.json), read by taf.read_config.
-- Parameter count: C4AI Command R+ model card: a 104 billion parameter model.
-- Context: C4AI Command R+ model card: context length 128K.
return model {
  id = "CohereForAI/c4ai-command-r-plus",
  aliases = { "command-r-plus", "CohereLabs/c4ai-command-r-plus" },
  family = "cohere", architecture = "FULL", position = "rope", dtype = "float16", theta = 75000000,
  T_train = 8192, T_max = 8192, n_attention_heads = 96, n_kv_heads = 8, d_head = 128, n_layers = 64,
  d_model = 12288, d_ff = 33792, vocab = 256000, n_params = 103810674688, has_SWA = false,
  n_attention_layers = 64, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/pending/c4ai-command-r-plus.json (transcribed from https://huggingface.co/CohereForAI/c4ai-command-r-plus/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 1.04e+11: C4AI Command R+ model card: a 104 billion parameter model",
    "context: C4AI Command R+ model card: context length 128K",
    "fields are taf.read_config of the pending config (CohereForCausalLM: tie_word_embeddings absent, CohereConfig default tied; one input_layernorm per layer, CohereLayerNorm without bias, before attention and MLP in parallel; use_qk_norm: q_norm of 96x128 and k_norm of 8x128 weights per layer)",
  },
}
