/* The fields of a model (SPEC §8), declared once: what a preset file may set,
 * what taf.read_config / taf.read_gguf return (in this order: the JSON key
 * order of a read model), what `tafrun show-model` prints, and the physical
 * bounds every recipe declaring one of them checks (recipes/lib/model_params.lua
 * reads them through taf.model_fields()). Pure preprocessor: no includes.
 *
 * X(name, TYPE, WHERE, FLAG, LOWER, UPPER, doc)
 *   name   the Lua key; for number and integer fields also the double member
 *          of struct taf_model_info (readers/model_info.h)
 *   TYPE   NUMBER | INTEGER | STRING | BOOLEAN | TABLE: the Lua type a recipe
 *          declares it with (an integer field holds a whole number)
 *   WHERE  ANY (presets and readers), PRESET (preset files only: not in a read
 *          model) or READER (internal: only a reader knows it)
 *   FLAG   FLAG(TAF_F_x): the presence flag (enum taf_field) of a field a
 *          reader may leave unset; NONE for fields the reader code sets by hand
 *   LOWER  MIN(v) (>= v), GT(v) (> v) or NONE
 *   UPPER  MAX(v) (<= v) or NONE
 *   doc    one line, the default doc of a recipe parameter of that name */
#ifndef TAF_READERS_MODEL_FIELDS_H
#define TAF_READERS_MODEL_FIELDS_H

#define TAF_MODEL_FIELDS(X) \
    X(id,                  STRING,  ANY,    NONE,                          NONE,        NONE,          "model id (Hugging Face id, general.name or the file name)") \
    X(aliases,             TABLE,   PRESET, NONE,                          NONE,        NONE,          "other names the catalog resolves to this model") \
    X(family,              STRING,  ANY,    NONE,                          NONE,        NONE,          "model family (model_type / general.architecture)") \
    X(source,              STRING,  ANY,    NONE,                          NONE,        NONE,          "where the numbers come from") \
    X(architecture,        STRING,  ANY,    NONE,                          NONE,        NONE,          "how the model remembers the context") \
    X(position,            STRING,  ANY,    NONE,                          NONE,        NONE,          "positional encoding") \
    X(dtype,               STRING,  ANY,    NONE,                          NONE,        NONE,          "weight dtype (torch_dtype, or the GGUF file type name)") \
    X(theta,               NUMBER,  ANY,    FLAG(TAF_F_THETA),             GT(0),       MAX(1e15),     "RoPE base θ (rope_theta)") \
    X(T_train,             INTEGER, ANY,    FLAG(TAF_F_T_TRAIN),           MIN(1),      MAX(1e12),     "training context length (tokens)") \
    X(T_max,               INTEGER, ANY,    FLAG(TAF_F_T_MAX),             NONE,        NONE,          "max_position_embeddings: past T_train when rope_scaling extends it") \
    X(n_attention_heads,   INTEGER, ANY,    FLAG(TAF_F_HEADS),             MIN(1),      MAX(1e6),      "attention (query) heads per layer") \
    X(n_kv_heads,          INTEGER, ANY,    FLAG(TAF_F_KV_HEADS),          MIN(1),      MAX(1e6),      "key/value heads per layer (GQA when fewer than query heads)") \
    X(d_head,              INTEGER, ANY,    FLAG(TAF_F_D_HEAD),            MIN(1),      MAX(65536),    "head dimension") \
    X(n_layers,            INTEGER, ANY,    FLAG(TAF_F_LAYERS),            MIN(1),      MAX(100000),   "transformer layers") \
    X(d_model,             INTEGER, ANY,    FLAG(TAF_F_D_MODEL),           MIN(1),      MAX(1e6),      "hidden size") \
    X(d_ff,                INTEGER, ANY,    FLAG(TAF_F_D_FF),              NONE,        NONE,          "MLP inner size (intermediate_size)") \
    X(vocab,               INTEGER, ANY,    FLAG(TAF_F_VOCAB),             MIN(1),      MAX(1e8),      "vocabulary size") \
    X(n_params,            NUMBER,  ANY,    FLAG(TAF_F_PARAMS),            MIN(1),      MAX(1e15),     "parameter count N") \
    X(n_params_active,     NUMBER,  ANY,    FLAG(TAF_F_PARAMS_ACTIVE),     NONE,        NONE,          "parameters active per token (MoE)") \
    X(has_SWA,             BOOLEAN, ANY,    NONE,                          NONE,        NONE,          "sliding-window attention present") \
    X(sliding_window,      INTEGER, ANY,    FLAG(TAF_F_SLIDING_WINDOW),    MIN(1),      NONE,          "tokens a sliding-window layer keeps") \
    X(n_swa_layers,        INTEGER, ANY,    FLAG(TAF_F_SWA_LAYERS),        MIN(0),      NONE,          "layers limited to the window (default: every attention layer)") \
    X(n_attention_layers,  INTEGER, ANY,    FLAG(TAF_F_ATTN_LAYERS),       MIN(0),      NONE,          "attention layers (hybrids: the rest are recurrent)") \
    X(n_experts,           INTEGER, ANY,    FLAG(TAF_F_EXPERTS),           NONE,        NONE,          "MoE experts per layer") \
    X(n_experts_active,    INTEGER, ANY,    FLAG(TAF_F_EXPERTS_ACTIVE),    NONE,        NONE,          "MoE experts active per token") \
    X(n_shared_experts,    INTEGER, ANY,    FLAG(TAF_F_SHARED_EXPERTS),    NONE,        NONE,          "MoE experts every token passes through") \
    X(kv_lora_rank,        INTEGER, ANY,    FLAG(TAF_F_KV_LORA_RANK),      MIN(1),      NONE,          "MLA latent width cached per token and layer") \
    X(q_lora_rank,         INTEGER, ANY,    FLAG(TAF_F_Q_LORA_RANK),       NONE,        NONE,          "MLA query latent width") \
    X(qk_rope_head_dim,    INTEGER, ANY,    FLAG(TAF_F_QK_ROPE_DIM),       MIN(0),      NONE,          "MLA decoupled RoPE key width cached per token and layer") \
    X(qk_nope_head_dim,    INTEGER, ANY,    FLAG(TAF_F_QK_NOPE_DIM),       NONE,        NONE,          "MLA key width without RoPE, per head") \
    X(v_head_dim,          INTEGER, ANY,    FLAG(TAF_F_V_HEAD_DIM),        NONE,        NONE,          "MLA value width per head") \
    X(state_elements,      NUMBER,  ANY,    FLAG(TAF_F_STATE_ELEMENTS),    MIN(0),      NONE,          "recurrent state per sequence, all SSM/RWKV layers (elements)") \
    X(tie_word_embeddings, BOOLEAN, ANY,    FLAG(TAF_F_TIED),              NONE,        NONE,          "the output head shares the embedding matrix") \
    X(bytes_per_weight,    NUMBER,  ANY,    FLAG(TAF_F_BYTES_PER_WEIGHT),  MIN(0.0625), MAX(8),        "bytes per weight (0.5 to 64 bits)") \
    X(rope_scaling,        TABLE,   ANY,    NONE,                          NONE,        NONE,          "the config's rope_scaling (rope_type, factor, …)") \
    X(gguf,                TABLE,   READER, NONE,                          NONE,        NONE,          "GGUF header facts (version, tensors, file type, weight bytes)") \
    X(notes,               TABLE,   ANY,    NONE,                          NONE,        NONE,          "fields that were defaulted, derived or guessed")

#endif
