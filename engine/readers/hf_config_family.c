/* The model families tafrun knows by model_type, what each one implies when
 * config.json is silent (position encoding, tied embeddings), and the
 * architecture class (FULL, SWA, MLA, SSM, RWKV, HYBRID) a parsed config
 * falls in, with its attention-layer and recurrent-state counts. */
#include "readers/hf_config_internal.h"

#include <string.h>

static const struct { const char *name; enum family f; } FAMILIES[] = {
    { "llama", F_LLAMA }, { "mistral", F_MISTRAL }, { "mixtral", F_MIXTRAL }, { "qwen2", F_QWEN2 },
    { "qwen2_moe", F_QWEN2_MOE }, { "qwen3", F_QWEN3 }, { "qwen3_moe", F_QWEN3_MOE },
    { "gemma", F_GEMMA }, { "gemma2", F_GEMMA2 }, { "gemma3", F_GEMMA3 }, { "gemma3_text", F_GEMMA3 },
    { "phi3", F_PHI3 }, { "deepseek_v2", F_DEEPSEEK }, { "deepseek_v3", F_DEEPSEEK },
    { "kimi_k2", F_DEEPSEEK },  /* Kimi K2's remote code is DeepseekV3ForCausalLM (configuration_deepseek.py) */
    { "glm4_moe", F_GLM4_MOE }, { "cohere", F_COHERE },
    { "gpt2", F_GPT2 }, { "gptj", F_GPTJ }, { "gpt_neox", F_NEOX }, { "falcon", F_FALCON },
    { "RefinedWeb", F_FALCON }, { "RefinedWebModel", F_FALCON }, { "bloom", F_BLOOM },
    { "olmo", F_OLMO }, { "olmo2", F_OLMO2 }, { "olmo3", F_OLMO2 }, { "mamba", F_MAMBA }, { "falcon_mamba", F_MAMBA },
    { "mamba2", F_MAMBA2 }, { "rwkv", F_RWKV }, { "jamba", F_JAMBA }, { "nemotron_h", F_NEMOTRON_H },
    { "zamba", F_ZAMBA }, { "zamba2", F_ZAMBA }, { "qwen3_next", F_QWEN3_NEXT },
    { "minimax", F_MINIMAX }, { "minimax_text_01", F_MINIMAX }, { "minimax_m1", F_MINIMAX },
    { "MiniMaxText01ForCausalLM", F_MINIMAX }, { "MiniMaxM1ForCausalLM", F_MINIMAX },
    { "llama4", F_LLAMA4 }, { "llama4_text", F_LLAMA4 }, { "gpt_oss", F_GPT_OSS },
    { "granitemoehybrid", F_GRANITE_HYBRID }, { "mamba_ssm", F_MAMBA_SSM },
};

enum family hf_family_of(const char *model_type)
{
    for (size_t i = 0; i < sizeof FAMILIES / sizeof *FAMILIES; i++)
        if (strcmp(model_type, FAMILIES[i].name) == 0)
            return FAMILIES[i].f;
    return F_UNKNOWN;
}

int hf_is_recurrent(enum family f) { return f == F_MAMBA || f == F_MAMBA2 || f == F_RWKV || f == F_MAMBA_SSM; }
static int is_hybrid(enum family f) { return f == F_JAMBA || f == F_NEMOTRON_H || f == F_ZAMBA; }

enum taf_position hf_default_position(struct ctx *c)
{
    int alibi = 0;
    switch (c->fam) {
    case F_BLOOM: return TAF_POS_ALIBI;
    case F_GPT2: return TAF_POS_ABSOLUTE;
    case F_MAMBA: case F_MAMBA2: case F_RWKV: case F_JAMBA: case F_NEMOTRON_H: case F_MAMBA_SSM:
        return TAF_POS_NONE;
    case F_GRANITE_HYBRID: {  /* GraniteMoeHybridConfig: position_embedding_type "nope" (default) or "rope" */
        const char *pe = hf_string(c, "position_embedding_type");
        return pe != NULL && strcmp(pe, "rope") == 0 ? TAF_POS_ROPE : TAF_POS_NONE;
    }
    case F_FALCON: return hf_boolean(c, "alibi", &alibi) > 0 && alibi ? TAF_POS_ALIBI : TAF_POS_ROPE;
    case F_ZAMBA: return hf_boolean(c, "use_mem_rope", &alibi) > 0 && alibi ? TAF_POS_ROPE : TAF_POS_NONE;
    default: return TAF_POS_ROPE;
    }
}

int hf_default_tied(enum family f)
{
    switch (f) {
    case F_GEMMA: case F_GEMMA2: case F_GEMMA3: case F_GPT2: case F_FALCON: case F_BLOOM: case F_MAMBA:
    case F_MAMBA2: case F_ZAMBA: case F_GRANITE_HYBRID: case F_COHERE:  /* CohereConfig: tie_word_embeddings=True */
        return 1;
    default:
        return 0;
    }
}

void hf_classify(struct ctx *c, const struct dims *D, const struct taf_param_shape *s)
{
    struct taf_model_info *m = c->m;
    const struct layers *lay = &c->lay;
    double state = s->n_mixer_layers * taf_mixer_state_elements(s) + s->n_linear_layers * taf_linear_state_elements(s);
    /* layers holding per-token KV: from the layer kinds when the config lists them, else the shape */
    double attn = lay->from != NULL ? lay->full + lay->sliding + lay->chunked : s->n_attention_layers;
    int constant = lay->linear > 0 || lay->ssm > 0;  /* layers with a constant state and no KV */
    if (c->fam == F_RWKV) {
        m->architecture = TAF_ARCH_RWKV;
    } else if (c->fam == F_MAMBA || c->fam == F_MAMBA2 || (c->fam == F_MAMBA_SSM && s->n_attention_layers == 0)) {
        m->architecture = TAF_ARCH_SSM;
    } else if (is_hybrid(c->fam) || c->fam == F_MAMBA_SSM || (constant && attn > 0)) {
        m->architecture = TAF_ARCH_HYBRID;
    } else if (constant) {
        m->architecture = lay->ssm > 0 ? TAF_ARCH_SSM : TAF_ARCH_LINEAR;
    } else if (s->mla) {
        m->architecture = TAF_ARCH_MLA;
    } else if (m->has_SWA) {
        m->architecture = TAF_ARCH_SWA;
    }
    if (constant && state == 0)
        taf_model_note(m, "state_elements not counted: the config does not give the state shape of its %.0f "
                       "linear-attention/SSM layers", lay->linear + lay->ssm);
    if (hf_is_recurrent(c->fam) || is_hybrid(c->fam) || constant) {
        if (state > 0)
            taf_model_set(m, TAF_F_STATE_ELEMENTS, state);
        taf_model_set(m, TAF_F_ATTN_LAYERS, attn);
        if (m->architecture == TAF_ARCH_HYBRID)
            taf_model_note(m, "hybrid: %.0f attention layers of %.0f", attn, D->L);
    } else {
        taf_model_set(m, TAF_F_ATTN_LAYERS, D->L);
    }
}
