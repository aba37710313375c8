package dev.slant.inference.features;

import java.util.Arrays;

/**
 * Stage 3: counts features per bucket for one document at a time (one instance per thread). The counts live in
 * a small open-addressing table that stays in the first-level cache, not in an array of every bucket; draining
 * sorts the document's buckets with a radix sort. Optionally it counts only the buckets of a filter (those a
 * fitted idf keeps), so that the others cost one bit test. Nothing is allocated per feature.
 */
final class TermCounts implements FeatureSink {
    /** 1 + ln(c) for small counts c, computed exactly as {@link Math#log} does on the fly. */
    private static final double[] SUBLINEAR = sublinearTable(256);
    private static final int RADIX_BITS = 11;
    private static final int SMALL = 64;

    private final int bucketBits;
    /** bucket + 1 per slot, 0 for an empty slot. */
    private int[] keys;
    private int[] counts;
    /** The slots in use, in the order they were filled. */
    private int[] used;
    private int size;
    private int shift;
    private long[] keep;
    private long[] packed = new long[1024];
    private long[] scratch = new long[1024];
    private final int[] histogram = new int[1 << RADIX_BITS];

    TermCounts(int buckets) {
        this.bucketBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, buckets - 1));
        allocate(1 << 12);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        counts = new int[capacity];
        used = new int[capacity / 2 + 1];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    private static double[] sublinearTable(int n) {
        double[] t = new double[n];
        for (int c = 1; c < n; c++) {
            t[c] = 1.0 + Math.log(c);
        }
        return t;
    }

    /**
     * Counts only the buckets set in a filter from now on.
     *
     * @param filter one bit per bucket ({@code filter[b >>> 6] >>> b & 1}), or null to count every bucket
     */
    void keepOnly(long[] filter) {
        this.keep = filter;
    }

    @Override
    public void feature(int bucket, int start, int end) {
        long[] k = keep;
        if (k != null && (k[bucket >>> 6] & (1L << bucket)) == 0) {
            return;
        }
        int key = bucket + 1;
        int[] ks = keys;
        int mask = ks.length - 1;
        for (int i = (bucket * 0x9E3779B1) >>> shift; ; i = (i + 1) & mask) {
            int found = ks[i];
            if (found == key) {
                counts[i]++;
                return;
            }
            if (found == 0) {
                ks[i] = key;
                counts[i] = 1;
                used[size++] = i;
                if (size == used.length) {
                    grow();
                }
                return;
            }
        }
    }

    /** Doubles the table, keeping every count (filling order is kept too). */
    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        int[] oldUsed = used;
        int n = size;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < n; j++) {
            int s = oldUsed[j];
            int key = oldKeys[s];
            int i = ((key - 1) * 0x9E3779B1) >>> shift;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            counts[i] = oldCounts[s];
            used[j] = i;
        }
    }

    /** Forgets the current document (after a failure part way). */
    void clear() {
        for (int j = 0; j < size; j++) {
            keys[used[j]] = 0;
        }
        size = 0;
    }

    /**
     * Moves the document's (bucket, count) pairs into {@link #packed}, bucket in the high half, sorted by bucket,
     * and clears the table.
     *
     * @return the number of pairs
     */
    private int sortedPairs() {
        int n = size;
        if (packed.length < n) {
            packed = new long[Math.max(n, packed.length * 2)];
            scratch = new long[packed.length];
        }
        long[] p = packed;
        for (int j = 0; j < n; j++) {
            int s = used[j];
            p[j] = (long) (keys[s] - 1) << 32 | counts[s];
            keys[s] = 0;
        }
        size = 0;
        if (n <= SMALL) {
            Arrays.sort(p, 0, n);
        } else {
            radixSort(n);
        }
        return n;
    }

    /** Least-significant-digit radix sort of packed[0, n) by bucket (the buckets are distinct and non-negative). */
    private void radixSort(int n) {
        long[] from = packed;
        long[] to = scratch;
        int[] h = histogram;
        for (int low = 0; low < bucketBits; low += RADIX_BITS) {
            int digitShift = 32 + low;
            int digits = Math.min(RADIX_BITS, bucketBits - low);
            int m = (1 << digits) - 1;
            Arrays.fill(h, 0, m + 1, 0);
            for (int j = 0; j < n; j++) {
                h[(int) (from[j] >>> digitShift) & m]++;
            }
            int sum = 0;
            for (int d = 0; d <= m; d++) {
                int c = h[d];
                h[d] = sum;
                sum += c;
            }
            for (int j = 0; j < n; j++) {
                long v = from[j];
                to[h[(int) (v >>> digitShift) & m]++] = v;
            }
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != packed) {
            System.arraycopy(from, 0, packed, 0, n);
        }
    }

    /**
     * Takes the counts as a vector and clears for the next document.
     *
     * @return raw term counts, indices increasing
     */
    FeatureVector drain() {
        int n = sortedPairs();
        int[] idx = new int[n];
        double[] val = new double[n];
        for (int j = 0; j < n; j++) {
            idx[j] = (int) (packed[j] >>> 32);
            val[j] = (int) packed[j];
        }
        return new FeatureVector(idx, val);
    }

    /**
     * Takes the counts weighed as {@link Featurizer#weigh} weighs them, with the same arithmetic in the same
     * order (so the same bits), and clears for the next document.
     *
     * @param kept        the buckets idf keeps, or null when idf is off; every bucket counted must be one of them
     * @param keptIdf     the idf of each kept bucket, by rank
     * @param sublinearTf whether tf is 1 + ln(count)
     * @param l2          whether to scale to unit length
     * @return the weighted vector, buckets of zero weight left out
     */
    FeatureVector drainWeighted(BucketIndex kept, KeptIdf keptIdf, boolean sublinearTf, boolean l2) {
        int n = sortedPairs();
        int[] idx = new int[n];
        double[] val = new double[n];
        int k = 0;
        double norm = 0;
        for (int j = 0; j < n; j++) {
            int b = (int) (packed[j] >>> 32);
            int c = (int) packed[j];
            double w = sublinearTf ? (c < SUBLINEAR.length ? SUBLINEAR[c] : 1.0 + Math.log(c)) : c;
            if (kept != null) {
                w *= keptIdf.get(kept.rankOfMember(b));
            }
            if (w != 0.0) {
                idx[k] = b;
                val[k] = w;
                norm += w * w;
                k++;
            }
        }
        if (l2 && norm > 0) {
            double inv = 1.0 / Math.sqrt(norm);
            for (int i = 0; i < k; i++) {
                val[i] *= inv;
            }
        }
        return k == n ? new FeatureVector(idx, val) : new FeatureVector(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }
}
