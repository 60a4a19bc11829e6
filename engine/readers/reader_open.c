/* The readers' one way to open a file: regular files only (reader_open.h). */
#include "readers/reader_open.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int close_failed(int fd, int result)
{
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}

int taf_reader_open(const char *path, struct stat *st)
{
    if (stat(path, st) != 0)
        return -1;
    if (!S_ISREG(st->st_mode))
        return TAF_NOT_REGULAR;
    int fd;
    do fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return -1;
    /* the path may have been replaced between stat and open: check what was opened */
    if (fstat(fd, st) != 0)
        return close_failed(fd, -1);
    if (!S_ISREG(st->st_mode))
        return close_failed(fd, TAF_NOT_REGULAR);
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
        return close_failed(fd, -1);
    return fd;
}

int taf_reader_open_error(int fd, const char *path, char *err, size_t errsize)
{
    if (fd == TAF_NOT_REGULAR)
        snprintf(err, errsize, "%s: not a regular file", path);
    else
        snprintf(err, errsize, "%s: cannot open: %s", path, strerror(errno));
    return -1;
}
