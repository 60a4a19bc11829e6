/* Small-block pool for the Lua allocator. Lua frees every block with its exact
 * size, so blocks need no header: one free list per 16-byte size class up to
 * POOL_MAX bytes, carved from 64 KiB slabs; larger blocks go to malloc.
 * Tables, strings and closures a recipe makes per point are nearly all small,
 * and glibc's malloc/free (with its consolidation passes) cost about a tenth
 * of a sweep point. Sanitizer builds bypass the pool so ASan sees each block. */
#ifndef TAF_POOL_H
#define TAF_POOL_H

#include <stddef.h>

#define POOL_MAX 256
#define POOL_CLASSES (POOL_MAX / 16)

struct pool_slab;

struct taf_pool {
    void *free[POOL_CLASSES];  /* per class: a list threaded through the free blocks */
    char *cur, *end;           /* the unused tail of the newest slab */
    struct pool_slab *slabs;   /* every slab, released by pool_destroy */
};

/* Lua's allocator contract (lua_Alloc) on top of the pool: `ptr` of `osize`
 * bytes (NULL: a new block) becomes `nsize` bytes; nsize 0 frees and returns
 * NULL; NULL when memory cannot be had (the old block is then untouched). */
void *pool_realloc(struct taf_pool *p, void *ptr, size_t osize, size_t nsize);
void pool_destroy(struct taf_pool *p);

#endif
