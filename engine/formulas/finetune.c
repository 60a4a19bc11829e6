#include "formulas/finetune.h"

/* §28 Σ r·(d_in + d_out) per targeted matrix, per layer */
double taf_lora_params(double rank, double n_layers, double d_model, double q_dim, double kv_dim, double d_ff,
                       int targets)
{
    double per_layer = 0;
    if (targets & TAF_LORA_Q)
        per_layer += d_model + q_dim;
    if (targets & TAF_LORA_K)
        per_layer += d_model + kv_dim;
    if (targets & TAF_LORA_V)
        per_layer += d_model + kv_dim;
    if (targets & TAF_LORA_O)
        per_layer += q_dim + d_model;
    if (targets & TAF_LORA_GATE)
        per_layer += d_model + d_ff;
    if (targets & TAF_LORA_UP)
        per_layer += d_model + d_ff;
    if (targets & TAF_LORA_DOWN)
        per_layer += d_ff + d_model;
    return rank * per_layer * n_layers;
}

double taf_activation_bytes(double tokens, double d_model, double n_layers, int checkpointing)
{
    return (checkpointing ? 2.0 : 34.0) * tokens * d_model * n_layers;
}

struct taf_finetune_memory taf_adapter_memory(double base_weight_bytes, double trainable_params,
                                              double activation_bytes)
{
    struct taf_finetune_memory m;
    m.weights = base_weight_bytes;
    m.trainable_state = TAF_ADAPTER_STATE_BYTES * trainable_params;
    m.activations = activation_bytes;
    m.total = m.weights + m.trainable_state + m.activations;
    return m;
}

/* (4N + 6P)·D */
double taf_adapter_training_flops(double n_params, double trainable_params, double tokens)
{
    return (4.0 * n_params + 6.0 * trainable_params) * tokens;
}
