/* GGUF header → struct taf_model_info (SPEC §8): versions 2 and 3, every
 * metadata value type, {arch}.* keys, general.file_type, and from the tensor
 * infos the exact parameter count and weight bytes. Only the header is read,
 * with bounded reads; every count and length is checked against the bytes
 * left in the file before anything is allocated. */
#ifndef TAF_READERS_GGUF_H
#define TAF_READERS_GGUF_H

#include "readers/model_info.h"

#include <stddef.h>
#include <stdint.h>

/* Read the header of the GGUF file at PATH. Returns 0, or -1 with
 * "PATH: what is wrong" in err. On success free with taf_model_info_free. */
int taf_read_gguf(const char *path, struct taf_model_info *m, char *err, size_t errsize);

/* Parse a GGUF header held in memory (`size` bytes: the whole file or its
 * beginning); `path` is used in messages and as the fallback id. */
int taf_parse_gguf(const unsigned char *data, size_t size, const char *path, struct taf_model_info *m,
                   char *err, size_t errsize);


#endif
