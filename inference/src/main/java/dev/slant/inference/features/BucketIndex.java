package dev.slant.inference.features;

import java.util.function.IntPredicate;

/**
 * A set of buckets that numbers its members in bucket order, in a few hundred kilobytes for 2^20 buckets rather
 * than the megabytes of an int per bucket: one bit per bucket, and per 64 buckets the count of members before
 * them. {@link #rank} is then a table read and a bit count, with both tables small enough to stay in cache.
 *
 * <p>Immutable and thread-safe.
 */
public final class BucketIndex {
    private final int buckets;
    private final long[] bits;
    private final int[] before;
    private final int size;

    private BucketIndex(int buckets, long[] bits) {
        this.buckets = buckets;
        this.bits = bits;
        this.before = new int[bits.length];
        int n = 0;
        for (int w = 0; w < bits.length; w++) {
            before[w] = n;
            n += Long.bitCount(bits[w]);
        }
        this.size = n;
    }

    /**
     * @param buckets the number of buckets
     * @param member  whether a bucket is a member
     * @return the set
     * @throws IllegalArgumentException if buckets is negative
     */
    public static BucketIndex of(int buckets, IntPredicate member) {
        if (buckets < 0) {
            throw new IllegalArgumentException("buckets must not be negative, got " + buckets);
        }
        long[] bits = new long[(buckets + 63) >>> 6];
        for (int b = 0; b < buckets; b++) {
            if (member.test(b)) {
                bits[b >>> 6] |= 1L << b;
            }
        }
        return new BucketIndex(buckets, bits);
    }

    /** @return the number of buckets, members or not */
    public int buckets() {
        return buckets;
    }

    /** @return the number of members */
    public int size() {
        return size;
    }

    /**
     * @param bucket a bucket in [0, {@link #buckets()})
     * @return true if it is a member
     */
    public boolean contains(int bucket) {
        return (bits[bucket >>> 6] & (1L << bucket)) != 0;
    }

    /**
     * @param bucket a bucket in [0, {@link #buckets()})
     * @return its number among the members in bucket order (from 0), or -1 if it is not a member
     */
    public int rank(int bucket) {
        int w = bucket >>> 6;
        long word = bits[w];
        long bit = 1L << bucket;
        if ((word & bit) == 0) {
            return -1;
        }
        return before[w] + Long.bitCount(word & (bit - 1));
    }

    /**
     * @param bucket a member
     * @return its rank, as {@link #rank} (undefined for a non-member: call only after {@link #contains})
     */
    int rankOfMember(int bucket) {
        int w = bucket >>> 6;
        return before[w] + Long.bitCount(bits[w] & ((1L << bucket) - 1));
    }

    /** @return the members, in increasing order */
    public int[] members() {
        int[] out = new int[size];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return out;
    }

    /**
     * @param other another set
     * @return true when both sets have the same buckets and the same members
     */
    public boolean sameMembers(BucketIndex other) {
        return other == this || other != null && other.buckets == buckets && java.util.Arrays.equals(other.bits, bits);
    }

    /** @return the membership bits, the array itself (for the featurizer's hot loop only) */
    long[] bits() {
        return bits;
    }

    /** @return bytes of the tables, with array headers */
    public long bytes() {
        return 16 + 8L * bits.length + 16 + 4L * before.length;
    }
}
