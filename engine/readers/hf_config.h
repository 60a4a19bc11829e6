/* HuggingFace config.json → struct taf_model_info (SPEC §8). Pure C over
 * jansson; errors name the file and, for JSON syntax, the line and column. */
#ifndef TAF_READERS_HF_CONFIG_H
#define TAF_READERS_HF_CONFIG_H

#include "readers/model_info.h"

#include <stddef.h>

#define TAF_HF_CONFIG_MAX_BYTES (16u << 20)  /* a config.json is a few KiB */

/* Read PATH (a config.json, or a directory holding one). Returns 0, or -1
 * with "PATH: what is wrong" in err. On success free with taf_model_info_free. */
int taf_read_hf_config(const char *path, struct taf_model_info *m, char *err, size_t errsize);

/* Parse `len` bytes of config.json text; `path` is only used in messages,
 * `source` and the fallback id. */
int taf_parse_hf_config(const char *text, size_t len, const char *path, struct taf_model_info *m,
                        char *err, size_t errsize);

#endif
