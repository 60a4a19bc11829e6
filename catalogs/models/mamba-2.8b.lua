-- state-spaces/mamba-2.8b-hf (fixture).
-- Fields: config.json tests/data/hf-configs/mamba-2.8b-hf.json (verbatim copy of state-spaces/mamba-2.8b-hf's
--   config.json in confucianfighter/mamba-2.8b-hf-breakdown mamba_ssm/modules/mamba_2.8b.json @
--   1f0ea17fcfd5e724be6fd40f9c891c89899b51dd), read by taf.read_config.
-- Parameter count: Hugging Face model page state-spaces/mamba-2.8b-hf: 2.77B params.
-- Context: Mamba paper (arXiv 2312.00752): trained on the Pile at sequence length 2048; no positional limit.
return model {
  id = "state-spaces/mamba-2.8b-hf",
  aliases = { "mamba-2.8b-hf", "state-spaces/mamba-2.8b" },
  family = "mamba", architecture = "SSM", position = "none", dtype = "float32", n_layers = 64,
  d_model = 2560, d_ff = 5120, vocab = 50280, n_params = 2768345600, has_SWA = false, n_attention_layers = 0,
  state_elements = 6225920, tie_word_embeddings = true,
  source = "config.json tests/data/hf-configs/mamba-2.8b-hf.json (verbatim copy of state-spaces/mamba-2.8b-hf's config.json in confucianfighter/mamba-2.8b-hf-breakdown mamba_ssm/modules/mamba_2.8b.json @ 1f0ea17fcfd5e724be6fd40f9c891c89899b51dd), read by taf.read_config",
  notes = {
    "published_params: 2770000000: Hugging Face model page state-spaces/mamba-2.8b-hf: 2.77B params",
    "context: Mamba paper (arXiv 2312.00752): trained on the Pile at sequence length 2048; no positional limit",
  },
}
