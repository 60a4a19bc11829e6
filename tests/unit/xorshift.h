/* The fixed-seed random stream of the unit tests that compare against a
 * reference over many values: xorshift64 (Marsaglia), one state per test file. */
#ifndef TAF_TEST_XORSHIFT_H
#define TAF_TEST_XORSHIFT_H

#include <stdint.h>

static uint64_t rng_state;

/* Start the stream at `seed` (non-zero). */
static inline void rng_seed(uint64_t seed)
{
    rng_state = seed;
}

/* The next 64 random bits. */
static inline uint64_t next_u64(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

#endif
