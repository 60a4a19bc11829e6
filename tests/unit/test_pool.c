/* The small-block pool behind the Lua allocator (engine/pool.c): blocks keep
 * their bytes across a resize, freed blocks are reused by their own size class,
 * blocks never overlap, and sizes past POOL_MAX go to malloc. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "pool.h"

static void fill(unsigned char *b, size_t n, unsigned char seed)
{
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(seed + i);
}

static int holds(const unsigned char *b, size_t n, unsigned char seed)
{
    for (size_t i = 0; i < n; i++)
        if (b[i] != (unsigned char)(seed + i))
            return 0;
    return 1;
}

/* Every block of every size up to 600 bytes is usable, 8-aligned, and distinct
 * blocks alive at once never share a byte (each keeps its own pattern). */
static void test_blocks_do_not_overlap(void **state)
{
    (void)state;
    struct taf_pool p = { 0 };
    enum { N = 600 };
    unsigned char *b[N + 1];
    for (size_t n = 1; n <= N; n++) {
        b[n] = pool_realloc(&p, NULL, 0, n);
        assert_non_null(b[n]);
        assert_int_equal((uintptr_t)b[n] % 8, 0);
        fill(b[n], n, (unsigned char)n);
    }
    for (size_t n = 1; n <= N; n++)
        assert_true(holds(b[n], n, (unsigned char)n));
    for (size_t n = 1; n <= N; n++)
        assert_null(pool_realloc(&p, b[n], n, 0));
    pool_destroy(&p);
}

/* Growing and shrinking keeps the common prefix, across the classes and
 * across the POOL_MAX boundary in both directions. */
static void test_resize_keeps_bytes(void **state)
{
    (void)state;
    struct taf_pool p = { 0 };
    static const size_t sizes[] = { 1, 16, 17, 100, 256, 257, 4000, 200, 33, 5, 300, 8 };
    size_t n = sizes[0];
    unsigned char *b = pool_realloc(&p, NULL, 0, n);
    fill(b, n, 7);
    for (size_t i = 1; i < sizeof sizes / sizeof *sizes; i++) {
        size_t m = sizes[i];
        b = pool_realloc(&p, b, n, m);
        assert_non_null(b);
        assert_true(holds(b, n < m ? n : m, 7));
        fill(b, m, 7);
        n = m;
    }
    pool_realloc(&p, b, n, 0);
    pool_destroy(&p);
}

#if !defined(__SANITIZE_ADDRESS__)
/* A freed small block is the next one handed out in its class (last in,
 * first out); a resize inside one class keeps the block where it is. */
static void test_free_block_reused(void **state)
{
    (void)state;
    struct taf_pool p = { 0 };
    void *a = pool_realloc(&p, NULL, 0, 40);   /* class 33..48 */
    void *b = pool_realloc(&p, NULL, 0, 48);
    assert_ptr_not_equal(a, b);
    pool_realloc(&p, a, 40, 0);
    assert_ptr_equal(pool_realloc(&p, NULL, 0, 33), a);
    assert_ptr_equal(pool_realloc(&p, b, 48, 34), b);
    void *c = pool_realloc(&p, NULL, 0, 100);  /* another class: not a */
    assert_ptr_not_equal(c, a);
    pool_destroy(&p);
    assert_null(p.slabs);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_do_not_overlap),
        cmocka_unit_test(test_resize_keeps_bytes),
#if !defined(__SANITIZE_ADDRESS__)
        cmocka_unit_test(test_free_block_reused),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
