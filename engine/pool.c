/* Small-block pool (pool.h). */
#include "pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define POOL_BYPASS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_BYPASS 1
#endif
#endif
#ifndef POOL_BYPASS
#define POOL_BYPASS 0
#endif

#define SLAB_BYTES (64 * 1024)

struct pool_slab {
    struct pool_slab *next;
    max_align_t align[]; /* the blocks follow, aligned for any object */
};

static size_t class_of(size_t n)
{
    return (n - 1) / 16; /* 1..16 → 0, …, 241..256 → 15 */
}

static void *pool_take(struct taf_pool *p, size_t c)
{
    void *b = p->free[c];
    if (b != NULL) {
        memcpy(&p->free[c], b, sizeof(void *));
        return b;
    }
    size_t size = (c + 1) * 16;
    if ((size_t)(p->end - p->cur) < size) {
        struct pool_slab *s = malloc(sizeof *s + SLAB_BYTES);
        if (s == NULL)
            return NULL;
        s->next = p->slabs;
        p->slabs = s;
        p->cur = (char *)s->align;
        p->end = p->cur + SLAB_BYTES;
    }
    b = p->cur;
    p->cur += size;
    return b;
}

static void pool_give(struct taf_pool *p, void *b, size_t c)
{
    memcpy(b, &p->free[c], sizeof(void *));
    p->free[c] = b;
}

void *pool_realloc(struct taf_pool *p, void *ptr, size_t osize, size_t nsize)
{
    if (POOL_BYPASS) {
        if (nsize == 0) {
            free(ptr);
            return NULL;
        }
        return realloc(ptr, nsize);
    }
    size_t old = ptr != NULL ? osize : 0;
    int old_small = old > 0 && old <= POOL_MAX;
    if (nsize == 0) {
        if (old_small)
            pool_give(p, ptr, class_of(old));
        else
            free(ptr);
        return NULL;
    }
    if (nsize <= POOL_MAX) {
        if (old_small && class_of(old) == class_of(nsize))
            return ptr;
        void *b = pool_take(p, class_of(nsize));
        if (b == NULL)
            return NULL;
        if (old > 0) {
            memcpy(b, ptr, old < nsize ? old : nsize);
            if (old_small)
                pool_give(p, ptr, class_of(old));
            else
                free(ptr);
        }
        return b;
    }
    if (!old_small)
        return realloc(ptr, nsize); /* both large (or new): malloc's own */
    void *b = malloc(nsize);
    if (b == NULL)
        return NULL;
    memcpy(b, ptr, old);
    pool_give(p, ptr, class_of(old));
    return b;
}

void pool_destroy(struct taf_pool *p)
{
    while (p->slabs != NULL) {
        struct pool_slab *s = p->slabs;
        p->slabs = s->next;
        free(s);
    }
    memset(p, 0, sizeof *p);
}
