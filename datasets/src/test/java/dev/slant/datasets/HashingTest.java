package dev.slant.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HashingTest {
    /** MurmurHash3's fmix64, undone step by step: x ^= x >>> 33 is its own inverse, the multipliers are odd. */
    private static long unmix(long h) {
        h ^= h >>> 33;
        h *= 0x9CB4B2F8129337DBL; // inverse of 0xC4CEB9FE1A85EC53 modulo 2^64
        h ^= h >>> 33;
        h *= 0x4F74430C22A54005L; // inverse of 0xFF51AFD7ED558CCD modulo 2^64
        h ^= h >>> 33;
        return h;
    }

    @Test
    void fmix64IsMurmurHash3sFinalizer() {
        // Reference values from an independent implementation of MurmurHash3's fmix64.
        assertEquals(0L, Hashing.fmix64(0));
        assertEquals(0xB456BCFC34C2CB2CL, Hashing.fmix64(1));
        assertEquals(0x810879608E4259CCL, Hashing.fmix64(42));
        assertEquals(0x8F780810AF31A493L, Hashing.fmix64(Long.MIN_VALUE));
    }

    @Test
    void fmix64IsABijection() {
        // An even multiplier (as a copy of this finalizer once had) maps x and x + 2^63 to one value: no inverse.
        for (long i = 0; i < 10_000; i++) {
            long x = Hashing.splitMix(7, i);
            assertEquals(x, unmix(Hashing.fmix64(x)));
            assertEquals(x ^ Long.MIN_VALUE, unmix(Hashing.fmix64(x ^ Long.MIN_VALUE)));
        }
    }
}
