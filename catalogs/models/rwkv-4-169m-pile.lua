-- RWKV/rwkv-4-169m-pile (fixture).
-- Fields: config.json tests/data/hf-configs/rwkv-4-169m-pile.json (transcribed from
--   https://huggingface.co/RWKV/rwkv-4-169m-pile/blob/main/config.json), read by taf.read_config.
-- Parameter count: keras-hub backbone preset rwkv-4-pile-169m: params 169,342,464.
-- Context: RWKV-4 Pile models: trained with ctx_len 1024 (config context_length).
return model {
  id = "RWKV/rwkv-4-169m-pile",
  aliases = { "rwkv-4-169m", "rwkv4-169m" },
  family = "rwkv", architecture = "RWKV", position = "none", T_train = 1024, T_max = 1024, n_layers = 12,
  d_model = 768, d_ff = 3072, vocab = 50277, n_params = 169342464, has_SWA = false, n_attention_layers = 0,
  state_elements = 46080, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/rwkv-4-169m-pile.json (transcribed from https://huggingface.co/RWKV/rwkv-4-169m-pile/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 169342464: keras-hub backbone preset rwkv-4-pile-169m: params 169,342,464",
    "context: RWKV-4 Pile models: trained with ctx_len 1024 (config context_length)",
  },
}
