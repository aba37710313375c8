package dev.slant.inference.features;

import java.util.Arrays;

/**
 * The idf of each kept bucket, by rank, stored so that the featurizer's lookups stay in cache: idf is a function of a
 * bucket's document frequency only, so the kept buckets share few distinct values, and each bucket holds a 2-byte
 * code of its value (half a megabyte for 2^18 kept buckets, where doubles take two). The values read back are the
 * very doubles given, so weighing is bit for bit what it was. With more than 65,536 distinct values, the doubles are
 * kept as they are.
 *
 * <p>Immutable and thread-safe.
 */
final class KeptIdf {
    private static final int MAX_CODES = 1 << 16;
    /** Per rank, the index of its value in {@link #values}; null when {@link #values} holds one value per rank. */
    private final char[] codes;
    private final double[] values;

    /** @param byRank the idf of each kept bucket, by rank (not copied; never changed) */
    KeptIdf(double[] byRank) {
        long[] bits = new long[byRank.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToRawLongBits(byRank[i]);
        }
        long[] distinct = Arrays.stream(bits).sorted().distinct().toArray();
        if (distinct.length > MAX_CODES) {
            this.codes = null;
            this.values = byRank;
            return;
        }
        this.codes = new char[byRank.length];
        this.values = new double[distinct.length];
        for (int v = 0; v < distinct.length; v++) {
            values[v] = Double.longBitsToDouble(distinct[v]);
        }
        for (int i = 0; i < bits.length; i++) {
            codes[i] = (char) Arrays.binarySearch(distinct, bits[i]);
        }
    }

    /**
     * @param rank a kept bucket's rank
     * @return its idf, the same bits as given
     */
    double get(int rank) {
        return codes == null ? values[rank] : values[codes[rank]];
    }
}
