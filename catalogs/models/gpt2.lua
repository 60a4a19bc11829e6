-- openai-community/gpt2 (fixture).
-- Fields: config.json tests/data/hf-configs/gpt2.json (verbatim copy of openai-community/gpt2's config.json
--   in huggingface/huggingface.js packages/hub/src/lib/upload-files-with-progress.spec.ts @
--   07fa24b00e1034412e513b4343711fdf89837fee), read by taf.read_config.
-- Parameter count: Hugging Face model page openai-community/gpt2: 124M; 124,439,808 in the published weights.
-- Context: GPT-2: 1024 learned positions (n_positions).
return model {
  id = "openai-community/gpt2",
  aliases = { "gpt2-small", "gpt-2" },
  family = "gpt2", architecture = "FULL", position = "absolute", T_train = 1024, T_max = 1024,
  n_attention_heads = 12, n_kv_heads = 12, d_head = 64, n_layers = 12, d_model = 768, d_ff = 3072,
  vocab = 50257, n_params = 124439808, has_SWA = false, n_attention_layers = 12, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/gpt2.json (verbatim copy of openai-community/gpt2's config.json in huggingface/huggingface.js packages/hub/src/lib/upload-files-with-progress.spec.ts @ 07fa24b00e1034412e513b4343711fdf89837fee), read by taf.read_config",
  notes = {
    "published_params: 124439808: Hugging Face model page openai-community/gpt2: 124M; 124,439,808 in the published weights",
    "context: GPT-2: 1024 learned positions (n_positions)",
  },
}
