/* §28 fine-tuning pre-flight: LoRA trainable parameters for a rank, the
 * memory of full fine-tuning (the 16N rule, formulas/training.h), LoRA and
 * QLoRA, activation memory, and the FLOPs of adapter training. */
#ifndef TAF_FORMULAS_FINETUNE_H
#define TAF_FORMULAS_FINETUNE_H

/* Projections a LoRA adapter can target in a llama-style block. */
enum {
    TAF_LORA_Q = 1, TAF_LORA_K = 2, TAF_LORA_V = 4, TAF_LORA_O = 8,
    TAF_LORA_GATE = 16, TAF_LORA_UP = 32, TAF_LORA_DOWN = 64,
    TAF_LORA_ATTENTION = 15, TAF_LORA_ALL = 127,
};

/* §28 trainable parameters of rank-r adapters: Σ over targeted matrices
 * W (d_in × d_out) of r·(d_in + d_out), times n_layers. q: d_model→q_dim,
 * k, v: d_model→kv_dim, o: q_dim→d_model, gate, up: d_model→d_ff,
 * down: d_ff→d_model. */
double taf_lora_params(double rank, double n_layers, double d_model, double q_dim, double kv_dim, double d_ff,
                       int targets);

/* Bytes of optimizer-side state per trainable adapter parameter: bf16 weight
 * 2 + bf16 gradient 2 + fp32 master copy 4 + Adam moments 8. */
#define TAF_ADAPTER_STATE_BYTES 16.0

/* Activation memory of one micro-batch (Korthikanti et al. 2022, flash
 * attention, bf16): 34·tokens·d_model·L bytes without recomputation;
 * 2·tokens·d_model·L (the checkpointed layer inputs) with full activation
 * checkpointing. */
double taf_activation_bytes(double tokens, double d_model, double n_layers, int checkpointing);

struct taf_finetune_memory { double weights, trainable_state, activations, total; };
/* §28 adapters: frozen base weights + 16 bytes per trainable parameter +
 * activations. */
struct taf_finetune_memory taf_adapter_memory(double base_weight_bytes, double trainable_params,
                                              double activation_bytes);

/* §28 adapter training FLOPs = (4N + 6P)·D: forward 2N, backward through the
 * frozen weights for the input gradients 2N (no weight gradients), and 6P
 * for the adapters themselves. Full fine-tuning is 6ND (formulas/training.h). */
double taf_adapter_training_flops(double n_params, double trainable_params, double tokens);

#endif
