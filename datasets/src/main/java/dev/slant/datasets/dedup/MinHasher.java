package dev.slant.datasets.dedup;

import dev.slant.datasets.Hashing;
import java.util.Arrays;
import java.util.Objects;

/**
 * MinHash signatures of sets of 64-bit hashes. Hash function {@code i} of the family is
 * {@code h_i(x) = (a_i * x + b_i) mod 2^64}, ordered as a signed 64-bit number, with {@code a_i} odd and
 * {@code a_i, b_i} drawn from SplitMix64 started at the seed, so the same seed always gives the same family;
 * the signature keeps the high 32 bits of each minimum (multiply-add-shift, a universal family). The share of positions where two signatures agree estimates the Jaccard similarity
 * of the two sets, with standard error {@code sqrt(J(1-J)/numHashes)}. Immutable and thread-safe.
 */
public final class MinHasher {
    /** The largest number of hash functions accepted. */
    public static final int MAX_HASHES = 4096;

    private final long seed;
    private final long[] multipliers;
    private final long[] increments;

    /**
     * @param numHashes number of hash functions, the signature's length, from 1 to {@link #MAX_HASHES}
     * @param seed      seed of the family
     * @throws IllegalArgumentException if numHashes is out of range
     */
    public MinHasher(int numHashes, long seed) {
        if (numHashes < 1 || numHashes > MAX_HASHES) {
            throw new IllegalArgumentException(
                    "number of MinHash functions must be 1 to " + MAX_HASHES + ", got " + numHashes);
        }
        this.seed = seed;
        this.multipliers = new long[numHashes];
        this.increments = new long[numHashes];
        for (int i = 0; i < numHashes; i++) {
            multipliers[i] = Hashing.splitMix(seed, 2L * i) | 1L;
            increments[i] = Hashing.splitMix(seed, 2L * i + 1);
        }
    }

    /** @return the signature length */
    public int numHashes() {
        return multipliers.length;
    }

    /** @return the seed of the family */
    public long seed() {
        return seed;
    }

    /**
     * The signature of a set of hashes (repeats do not matter).
     *
     * @param hashes the set's members, at least one
     * @return the signature, {@link #numHashes()} long
     * @throws IllegalArgumentException if hashes is empty
     */
    public int[] signature(long[] hashes) {
        int[] out = new int[multipliers.length];
        signature(hashes, out, 0);
        return out;
    }

    /**
     * Writes the signature of a set of hashes into {@code out} from {@code offset}.
     *
     * @param hashes the set's members, at least one
     * @param out    the array to write {@link #numHashes()} values into
     * @param offset where in {@code out} to start
     * @throws IllegalArgumentException  if hashes is empty
     * @throws IndexOutOfBoundsException if out is too short
     */
    public void signature(long[] hashes, int[] out, int offset) {
        Objects.requireNonNull(hashes, "hashes");
        if (hashes.length == 0) {
            throw new IllegalArgumentException("the MinHash signature of an empty set is undefined");
        }
        Objects.checkFromIndexSize(offset, multipliers.length, out.length);
        int k = multipliers.length;
        long[] min = new long[k];
        Arrays.fill(min, Long.MAX_VALUE);
        // Hash functions in the inner loop, so the JIT can run several at once; a 64-bit value is compared in
        // full (signed), and its high 32 bits are kept: equal minima give equal values, others rarely collide.
        for (long x : hashes) {
            for (int i = 0; i < k; i++) {
                long h = multipliers[i] * x + increments[i];
                min[i] = h < min[i] ? h : min[i];
            }
        }
        for (int i = 0; i < k; i++) {
            out[offset + i] = (int) (min[i] >>> 32);
        }
    }

    /**
     * The estimated Jaccard similarity of two sets: the share of positions where their signatures agree.
     *
     * @param a one signature
     * @param b another, as long
     * @return the estimate, in [0, 1]
     * @throws IllegalArgumentException if the signatures differ in length or are empty
     */
    public static double similarity(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException(
                    "signatures must be non-empty and of one length, got " + a.length + " and " + b.length);
        }
        return (double) agreements(a, 0, b, 0, a.length) / a.length;
    }

    /** Counts the positions where two signatures stored in larger arrays agree. */
    static int agreements(int[] a, int aOffset, int[] b, int bOffset, int length) {
        int same = 0;
        for (int i = 0; i < length; i++) {
            if (a[aOffset + i] == b[bOffset + i]) {
                same++;
            }
        }
        return same;
    }
}
