package dev.slant.inference.features;

import java.util.Arrays;

/**
 * Stage 3: counts features per bucket in a dense array reused across documents (one per thread), remembering
 * which buckets it touched so that draining and clearing cost only the document's own features.
 */
final class TermCounts implements FeatureSink {
    private final float[] counts;
    private int[] touched = new int[1024];
    private int size;

    TermCounts(int buckets) {
        this.counts = new float[buckets];
    }

    @Override
    public void feature(int bucket, int start, int end) {
        if (counts[bucket] == 0f) {
            if (size == touched.length) {
                touched = Arrays.copyOf(touched, size * 2);
            }
            touched[size++] = bucket;
        }
        counts[bucket] += 1f;
    }

    /**
     * Takes the counts as a vector and clears for the next document.
     *
     * @return raw term counts, indices increasing
     */
    FeatureVector drain() {
        int[] idx = Arrays.copyOf(touched, size);
        Arrays.sort(idx);
        double[] val = new double[size];
        for (int i = 0; i < idx.length; i++) {
            val[i] = counts[idx[i]];
            counts[idx[i]] = 0f;
        }
        size = 0;
        return new FeatureVector(idx, val);
    }
}
