package dev.slant.datasets;

/**
 * The 64-bit hashing and mixing functions of the datasets library, written once: duplicate detection (shingles,
 * MinHash, LSH bands) and the scrubber's phrase tables use them.
 */
public final class Hashing {
    /** FNV-1a 64-bit offset basis. */
    public static final long FNV_OFFSET = 0xCBF29CE484222325L;
    /** FNV-1a 64-bit prime. */
    public static final long FNV_PRIME = 0x100000001B3L;
    /** The 64-bit golden ratio, SplitMix64's increment. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /**
     * MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
     *
     * @param h a value
     * @return the mixed value
     */
    public static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * The {@code index}-th output of SplitMix64 started at {@code seed}: a reproducible stream of well-mixed
     * values that does not depend on any library's random generator.
     *
     * @param seed  the seed
     * @param index the position in the stream, from 0
     * @return the value
     */
    public static long splitMix(long seed, long index) {
        long z = seed + (index + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
