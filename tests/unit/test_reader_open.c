/* Unit tests of engine/readers/reader_open.c, and of every file reader that
 * opens through it (config.json, GGUF, the attention files), on special files
 * made here: a FIFO (which would block an open for reading until a writer
 * came), a character device that never ends (/dev/zero), a directory, and
 * symbolic links. An alarm turns a reader that blocked again into a failed
 * test rather than a hung suite. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "readers/attn_file.h"
#include "readers/gguf.h"
#include "readers/hf_config.h"
#include "readers/reader_open.h"

static char TMP[64], FIFO[96], REG[96], LINK_REG[96], LINK_FIFO[96], MODEL[96], MODEL_CONFIG[128];

static int setup(void **state)
{
    (void)state;
    alarm(20);
    snprintf(TMP, sizeof TMP, "/tmp/taf_open_XXXXXX");
    if (mkdtemp(TMP) == NULL)
        return -1;
    snprintf(FIFO, sizeof FIFO, "%s/fifo", TMP);
    snprintf(REG, sizeof REG, "%s/regular", TMP);
    snprintf(LINK_REG, sizeof LINK_REG, "%s/link_regular", TMP);
    snprintf(LINK_FIFO, sizeof LINK_FIFO, "%s/link_fifo", TMP);
    snprintf(MODEL, sizeof MODEL, "%s/model", TMP);
    snprintf(MODEL_CONFIG, sizeof MODEL_CONFIG, "%s/config.json", MODEL);
    FILE *f = fopen(REG, "w");
    if (f == NULL || mkfifo(FIFO, 0600) != 0 || symlink(REG, LINK_REG) != 0 || symlink(FIFO, LINK_FIFO) != 0 ||
        mkdir(MODEL, 0700) != 0 || mkfifo(MODEL_CONFIG, 0600) != 0)
        return -1;
    fputs("text", f);
    fclose(f);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    const char *files[] = { MODEL_CONFIG, LINK_FIFO, LINK_REG, REG, FIFO };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        unlink(files[i]);
    rmdir(MODEL);
    rmdir(TMP);
    alarm(0);
    return 0;
}

static void test_a_regular_file_opens_blocking_and_close_on_exec(void **state)
{
    (void)state;
    struct stat st;
    const char *paths[] = { REG, LINK_REG };                /* a link is followed to what it names */
    for (int i = 0; i < 2; i++) {
        int fd = taf_reader_open(paths[i], &st);
        assert_true(fd >= 0);
        assert_true(S_ISREG(st.st_mode) && st.st_size == 4);
        assert_false(fcntl(fd, F_GETFL) & O_NONBLOCK);
        assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
        char buf[8];
        assert_int_equal(read(fd, buf, sizeof buf), 4);
        close(fd);
    }
}

static void test_anything_else_is_not_regular_and_nothing_stays_open(void **state)
{
    (void)state;
    struct stat st;
    const char *paths[] = { FIFO, LINK_FIFO, "/dev/zero", "/dev/null", TMP };
    int before = dup(0);                                   /* the lowest free descriptor */
    close(before);
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
        assert_int_equal(taf_reader_open(paths[i], &st), TAF_NOT_REGULAR);
    int after = dup(0);
    close(after);
    assert_int_equal(after, before);
    errno = 0;
    assert_int_equal(taf_reader_open("/nonexistent/x", &st), -1);
    assert_int_equal(errno, ENOENT);
}

/* Each reader says "<path>: not a regular file" (exit 2 at the command line). */
static void expect_refused(int rc, const char *err, const char *path)
{
    char want[256];
    snprintf(want, sizeof want, "%s: not a regular file", path);
    assert_int_equal(rc, -1);
    assert_string_equal(err, want);
}

static void test_every_reader_refuses_a_fifo_and_a_device(void **state)
{
    (void)state;
    char err[1024];
    struct taf_model_info m;
    struct taf_attn_file f;
    const char *paths[] = { FIFO, LINK_FIFO, "/dev/zero" };
    for (int i = 0; i < 3; i++) {
        expect_refused(taf_read_hf_config(paths[i], &m, err, sizeof err), err, paths[i]);
        expect_refused(taf_read_gguf(paths[i], &m, err, sizeof err), err, paths[i]);
        expect_refused(taf_attn_open(paths[i], &f, err, sizeof err), err, paths[i]);
    }
    /* --config takes a folder; the config.json in it must be a regular file */
    expect_refused(taf_read_hf_config(MODEL, &m, err, sizeof err), err, MODEL_CONFIG);
    expect_refused(taf_read_gguf(TMP, &m, err, sizeof err), err, TMP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_regular_file_opens_blocking_and_close_on_exec),
        cmocka_unit_test(test_anything_else_is_not_regular_and_nothing_stays_open),
        cmocka_unit_test(test_every_reader_refuses_a_fifo_and_a_device),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
