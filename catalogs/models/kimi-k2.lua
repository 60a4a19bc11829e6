-- moonshotai/Kimi-K2-Instruct (pending read).
-- Fields: config.json tests/data/hf-configs/pending/kimi-k2-instruct.json (transcribed from
--   https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/config.json), read by taf.read_config (model_type
--   kimi_k2: DeepseekV3ForCausalLM).
-- Parameter count: Kimi K2 model card: 1T total parameters, 32B activated (rounded; the report arXiv
--   2507.20534 also gives 1.04T).
-- Context: Kimi K2 model card: context length 128K.
return model {
  id = "moonshotai/Kimi-K2-Instruct",
  aliases = { "kimi-k2-instruct", "moonshotai/Kimi-K2-Base", "kimi-k2-base" },
  family = "kimi_k2", architecture = "MLA", position = "rope", dtype = "FP8", theta = 50000, T_train = 4096,
  T_max = 131072, n_attention_heads = 64, n_kv_heads = 64, d_head = 192, n_layers = 61, d_model = 7168,
  d_ff = 18432, vocab = 163840, n_params = 1026408232448, n_params_active = 32861500928, has_SWA = false,
  n_attention_layers = 61, n_experts = 384, n_experts_active = 8, n_shared_experts = 1, kv_lora_rank = 512,
  q_lora_rank = 1536, qk_rope_head_dim = 64, qk_nope_head_dim = 128, v_head_dim = 128,
  tie_word_embeddings = false,
  rope_scaling = { beta_fast = 1, beta_slow = 1, factor = 32, mscale = 1, mscale_all_dim = 1, original_max_position_embeddings = 4096, type = "yarn" },
  source = "config.json tests/data/hf-configs/pending/kimi-k2-instruct.json (transcribed from https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/config.json), read by taf.read_config (model_type kimi_k2: DeepseekV3ForCausalLM)",
  notes = {
    "published_params: 1e+12 (tolerance 5%): Kimi K2 model card: 1T total parameters, 32B activated (rounded; the report arXiv 2507.20534 also gives 1.04T)",
    "context: Kimi K2 model card: context length 128K",
    "fields are taf.read_config of the pending config: model_type kimi_k2 is read as DeepSeek-V3 (its remote code is DeepseekV3ForCausalLM: 1 dense layer (first_k_dense_replace), then 384 routed experts and 1 shared expert of moe_intermediate_size 2048, noaux_tc router with e_score_correction_bias, MLA)",
  },
}
