-- state-spaces/mamba-130m-hf (fixture).
-- Fields: config.json tests/data/hf-configs/mamba-130m-hf.json (transcribed from
--   https://huggingface.co/state-spaces/mamba-130m-hf/blob/main/config.json), read by taf.read_config.
-- Parameter count: Hugging Face model page state-spaces/mamba-130m-hf: 129M params (129,135,360 in the
--   weights).
-- Context: Mamba paper (arXiv 2312.00752): language models trained on the Pile at sequence length 2048; no
--   positional limit.
return model {
  id = "state-spaces/mamba-130m-hf",
  aliases = { "mamba-130m-hf", "state-spaces/mamba-130m" },
  family = "mamba", architecture = "SSM", position = "none", dtype = "float32", n_layers = 24, d_model = 768,
  d_ff = 1536, vocab = 50280, n_params = 129135360, has_SWA = false, n_attention_layers = 0,
  state_elements = 700416, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/mamba-130m-hf.json (transcribed from https://huggingface.co/state-spaces/mamba-130m-hf/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 129135360: Hugging Face model page state-spaces/mamba-130m-hf: 129M params (129,135,360 in the weights)",
    "context: Mamba paper (arXiv 2312.00752): language models trained on the Pile at sequence length 2048; no positional limit",
  },
}
