-- tiiuae/Falcon3-7B-Base (fixture).
-- Fields: config.json tests/data/hf-configs/falcon3-7b-base.json (transcribed from
--   https://huggingface.co/tiiuae/Falcon3-7B-Base/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page tiiuae/Falcon3-7B-Base: 7.46B params (model card: 7B).
-- Context: Falcon3-7B-Base model card: context length 32K.
return model {
  id = "tiiuae/Falcon3-7B-Base",
  aliases = { "falcon3-7b", "falcon3-7b-instruct" },
  family = "llama", architecture = "FULL", position = "rope", dtype = "bfloat16", theta = 1000042,
  T_train = 32768, T_max = 32768, n_attention_heads = 12, n_kv_heads = 4, d_head = 256, n_layers = 28,
  d_model = 3072, d_ff = 23040, vocab = 131072, n_params = 7455550464, has_SWA = false,
  n_attention_layers = 28, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/falcon3-7b-base.json (transcribed from https://huggingface.co/tiiuae/Falcon3-7B-Base/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 7460000000: Hugging Face model page tiiuae/Falcon3-7B-Base: 7.46B params (model card: 7B)",
    "context: Falcon3-7B-Base model card: context length 32K",
  },
}
