/* Opening a file a reader reads whole or in part: only a regular file, so a
 * FIFO never blocks the open or the read and a device (/dev/zero) never feeds
 * an endless stream. Symbolic links are followed (a HuggingFace cache's
 * snapshot files are links into blobs/); what is checked is what they reach. */
#ifndef TAF_READERS_READER_OPEN_H
#define TAF_READERS_READER_OPEN_H

#include <stddef.h>
#include <sys/stat.h>

#define TAF_NOT_REGULAR (-2)

/* The read-only, close-on-exec descriptor of regular file `path`, with its
 * fstat in `st`; or -1 with errno from stat or open (the path is missing or
 * unreadable), or TAF_NOT_REGULAR when it names anything but a regular file.
 * The path is checked with stat before anything is opened (a device is never
 * opened), opened non-blocking (a FIFO put there since returns at once) and
 * the opened descriptor checked again with fstat, which closes the race. */
int taf_reader_open(const char *path, struct stat *st);

/* The readers' message for a failed taf_reader_open (`fd` its result, errno
 * still set): "PATH: not a regular file" or "PATH: cannot open: REASON",
 * into err. Returns -1, the readers' failure value. */
int taf_reader_open_error(int fd, const char *path, char *err, size_t errsize);

#endif
