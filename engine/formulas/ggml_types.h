/* The ggml tables, each written once: tensor types (enum ggml_type) with
 * their block sizes, read by the GGUF reader to size each tensor; and GGUF
 * file types (general.file_type, enum llama_ftype) by number and name, read
 * by the GGUF reader (the model's dtype) and the quantization formats
 * (formulas/quant.h). Plain data; no Lua, no files. */
#ifndef TAF_FORMULAS_GGML_TYPES_H
#define TAF_FORMULAS_GGML_TYPES_H

#include <stdint.h>

/* llama_ftype → its name without the MOSTLY_ prefix ("Q4_K_M"; 0 is
 * "ALL_F32"), NULL for a number llama.cpp does not (or no longer) use. */
const char *taf_ggml_ftype_name(uint32_t ftype);
/* The llama_ftype named `name` (exact, case-insensitive; "F32" finds
 * ALL_F32), or -1 when no file type has that name. */
int taf_ggml_ftype_find(const char *name);

/* ggml tensor type → elements per block and bytes per block; 0 if unknown. */
int taf_ggml_type_size(uint32_t type, uint32_t *block, uint32_t *bytes);

#endif
