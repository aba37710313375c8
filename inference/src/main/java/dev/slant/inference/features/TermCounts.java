package dev.slant.inference.features;

import java.util.Arrays;

/**
 * Stage 3: counts features per bucket for one document at a time (one instance per thread). Each feature's bucket is
 * appended to an array, without a branch on whether the filter keeps it (a dropped bucket is written and not
 * counted), and draining sorts the document's buckets with a radix sort and counts the runs of equal buckets. A
 * hash table of counts took a mispredicted branch or two per feature (is the bucket kept; is it new), which cost
 * more than sorting. Optionally it counts only the buckets of a filter (those a fitted idf keeps). Nothing is
 * allocated per feature. Memory is bounded by the document's distinct buckets, not its length: when the array of
 * buckets fills ({@link #CAPACITY}), they are sorted and merged into the (bucket, count) pairs so far.
 */
final class TermCounts implements FeatureSink {
    /** 1 + ln(c) for small counts c, computed exactly as {@link Math#log} does on the fly. */
    private static final double[] SUBLINEAR = sublinearTable(256);
    private static final int MAX_RADIX_BITS = 11;
    private static final int SMALL = 64;
    /** How many buckets are appended before they are merged into pairs (64 KB of them). */
    static final int CAPACITY = 1 << 14;
    private static final int INITIAL = 1 << 12;
    /** The largest pair arrays kept between documents (8 MB each); larger ones are dropped after the document. */
    private static final int MAX_KEPT_PAIRS = 1 << 20;

    private final int bucketBits;
    /** The buckets appended since the last merge, in the order their features came, {@link #size} of them. */
    private int[] buckets = new int[INITIAL];
    private int[] sorted = new int[INITIAL];
    private int size;
    private long[] keep;
    /** The document's (bucket, count) pairs merged so far, sorted by bucket, {@link #mergedSize} of them. */
    private long[] merged = new long[0];
    private int mergedSize;
    private long[] packed = new long[1024];
    private final int[] histogram = new int[1 << MAX_RADIX_BITS];
    /** Features offered since {@link #keepOnly}, counted or not. */
    private long offered;
    /** Occurrences drained since {@link #keepOnly} (those of the filter's buckets when there is one). */
    private long drained;

    TermCounts(int buckets) {
        this.bucketBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, buckets - 1));
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
        this.offered = 0;
        this.drained = 0;
    }

    /** @return features offered since {@link #keepOnly}, whether the filter counted them or not */
    long offered() {
        return offered;
    }

    /** @return feature occurrences drained since {@link #keepOnly}: those the filter counted */
    long drained() {
        return drained;
    }

    @Override
    public void feature(int bucket, int start, int end) {
        offered++;
        int n = size;
        if (n == buckets.length) {
            n = makeRoom();
        }
        buckets[n] = bucket;
        long[] k = keep;
        // A dropped bucket is written over by the next feature: size grows by the filter's bit, with no branch on it.
        size = k == null ? n + 1 : n + (int) (k[bucket >>> 6] >>> bucket & 1L);
    }

    /** @return where the next bucket goes: the array doubled up to {@link #CAPACITY}, then emptied by a merge */
    private int makeRoom() {
        if (buckets.length < CAPACITY) {
            buckets = Arrays.copyOf(buckets, buckets.length * 2);
            sorted = new int[buckets.length];
            return size;
        }
        mergeBuckets();
        size = 0;
        return 0;
    }

    /** Moves the appended buckets into {@link #merged} as pairs, adding the counts of buckets already there. */
    private void mergeBuckets() {
        int m = pairs();
        long[] out = new long[mergedSize + m];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < mergedSize && j < m) {
            long a = merged[i];
            long b = packed[j];
            if (a >>> 32 == b >>> 32) {
                out[k++] = a + (int) b;
                i++;
                j++;
            } else if (a >>> 32 < b >>> 32) {
                out[k++] = a;
                i++;
            } else {
                out[k++] = b;
                j++;
            }
        }
        while (i < mergedSize) {
            out[k++] = merged[i++];
        }
        while (j < m) {
            out[k++] = packed[j++];
        }
        merged = out;
        mergedSize = k;
    }

    /** Forgets the current document: after it is drained, or after a failure part way. */
    void clear() {
        size = 0;
        mergedSize = 0;
        if (merged.length > MAX_KEPT_PAIRS) {
            merged = new long[0];
        }
        if (packed.length > MAX_KEPT_PAIRS) {
            packed = new long[1024];
        }
    }

    /**
     * Puts the document's (bucket, count) pairs in {@link #packed}, bucket in the high half, sorted by bucket. The
     * caller reads them, then calls {@link #clear()}.
     *
     * @return the number of pairs
     */
    private int sortedPairs() {
        if (mergedSize == 0) {
            return pairs();
        }
        mergeBuckets();
        long[] t = packed;
        packed = merged;
        merged = t;
        return mergedSize;
    }

    /**
     * Sorts the appended buckets and counts them into {@link #packed} as (bucket, count) pairs.
     *
     * @return the number of pairs
     */
    private int pairs() {
        int n = size;
        int[] b = sortBuckets(n);
        if (packed.length < n) {
            packed = new long[Math.max(n, packed.length * 2)];
        }
        long[] p = packed;
        // Counts the runs without a branch on where one ends (about every other bucket repeats): a bucket that differs
        // from the one before it starts a pair (bucket, 1), one that equals it adds 1 to the last pair's count.
        int m = 0;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int bucket = b[i];
            int differs = ((bucket ^ previous) | -(bucket ^ previous)) >>> 31;
            m += differs;
            long starts = -(long) differs;
            p[m - 1] = ((long) bucket << 32 & starts | p[m - 1] & ~starts) + 1;
            previous = bucket;
        }
        return m;
    }

    /**
     * Sorts buckets[0, n): with {@link Arrays#sort} when few, else a least-significant-digit radix sort in as few
     * passes of at most {@link #MAX_RADIX_BITS} bits as the bucket count needs.
     *
     * @return the array holding the sorted buckets from index 0 ({@link #buckets} or {@link #sorted})
     */
    private int[] sortBuckets(int n) {
        if (n <= SMALL) {
            Arrays.sort(buckets, 0, n);
            return buckets;
        }
        int[] from = buckets;
        int[] to = sorted;
        int[] h = histogram;
        int passes = (bucketBits + MAX_RADIX_BITS - 1) / MAX_RADIX_BITS;
        int digitBits = (bucketBits + passes - 1) / passes;
        int m = (1 << digitBits) - 1;
        for (int low = 0; low < bucketBits; low += digitBits) {
            Arrays.fill(h, 0, m + 1, 0);
            for (int j = 0; j < n; j++) {
                h[from[j] >>> low & m]++;
            }
            int sum = 0;
            for (int d = 0; d <= m; d++) {
                int c = h[d];
                h[d] = sum;
                sum += c;
            }
            for (int j = 0; j < n; j++) {
                int v = from[j];
                to[h[v >>> low & m]++] = v;
            }
            int[] t = from;
            from = to;
            to = t;
        }
        return from;
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
        long occurrences = 0;
        for (int j = 0; j < n; j++) {
            idx[j] = (int) (packed[j] >>> 32);
            val[j] = (int) packed[j];
            occurrences += (int) packed[j];
        }
        drained += occurrences;
        clear();
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
        long occurrences = 0;
        for (int j = 0; j < n; j++) {
            int b = (int) (packed[j] >>> 32);
            int c = (int) packed[j];
            occurrences += c;
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
        drained += occurrences;
        clear();
        if (l2 && norm > 0) {
            double inv = 1.0 / Math.sqrt(norm);
            for (int i = 0; i < k; i++) {
                val[i] *= inv;
            }
        }
        return k == n ? new FeatureVector(idx, val) : new FeatureVector(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }
}
