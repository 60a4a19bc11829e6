-- CohereForAI/c4ai-command-r-v01 (pending read).
-- Fields: config.json tests/data/hf-configs/pending/c4ai-command-r-v01.json (transcribed from
--   https://huggingface.co/CohereForAI/c4ai-command-r-v01/blob/main/config.json), read by taf.read_config.
-- Parameter count: C4AI Command-R model card: a 35 billion parameter model.
-- Context: C4AI Command-R model card: context length 128K.
return model {
  id = "CohereForAI/c4ai-command-r-v01",
  aliases = { "command-r", "command-r-v01", "CohereLabs/c4ai-command-r-v01" },
  family = "cohere", architecture = "FULL", position = "rope", dtype = "float16", theta = 8000000,
  T_train = 8192, T_max = 8192, n_attention_heads = 64, n_kv_heads = 64, d_head = 128, n_layers = 40,
  d_model = 8192, d_ff = 22528, vocab = 256000, n_params = 34980831232, has_SWA = false,
  n_attention_layers = 40, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/pending/c4ai-command-r-v01.json (transcribed from https://huggingface.co/CohereForAI/c4ai-command-r-v01/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 3.5e+10: C4AI Command-R model card: a 35 billion parameter model",
    "context: C4AI Command-R model card: context length 128K",
    "fields are taf.read_config of the pending config (CohereForCausalLM: tie_word_embeddings absent, CohereConfig default tied; one input_layernorm per layer, CohereLayerNorm without bias, before attention and MLP in parallel; use_qk_norm false)",
  },
}
