-- mistralai/Mamba-Codestral-7B-v0.1 (fixture).
-- Fields: config.json tests/data/hf-configs/mamba-codestral-7b-v0.1.json (transcribed from
--   https://huggingface.co/mistralai/Mamba-Codestral-7B-v0.1/blob/main/config.json), read by taf.read_config.
-- Parameter count: Mamba-Codestral-7B-v0.1 model card: 7,285,403,648 parameters.
-- Context: Codestral Mamba announcement (Mistral AI, July 2024): in-context retrieval tested up to 256k
--   tokens.
return model {
  id = "mistralai/Mamba-Codestral-7B-v0.1",
  aliases = { "mamba-codestral", "codestral-mamba", "codestral-mamba-7b" },
  family = "mamba2", architecture = "SSM", position = "none", dtype = "bfloat16", n_layers = 64,
  d_model = 4096, vocab = 32768, n_params = 7285403648, has_SWA = false, n_attention_layers = 0,
  state_elements = 69074944, tie_word_embeddings = false,
  source = "config.json tests/data/hf-configs/mamba-codestral-7b-v0.1.json (transcribed from https://huggingface.co/mistralai/Mamba-Codestral-7B-v0.1/blob/main/config.json), read by taf.read_config",
  notes = {
    "published_params: 7285403648: Mamba-Codestral-7B-v0.1 model card: 7,285,403,648 parameters",
    "context: Codestral Mamba announcement (Mistral AI, July 2024): in-context retrieval tested up to 256k tokens",
  },
}
