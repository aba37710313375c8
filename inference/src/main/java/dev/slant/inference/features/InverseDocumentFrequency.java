package dev.slant.inference.features;

/**
 * Stage 4's fitted values: inverse document frequencies per bucket, from training documents only, as
 * scikit-learn's smooth idf: {@code ln((1 + N) / (1 + df)) + 1}. Buckets seen in fewer than {@code minDf}
 * training documents (including those never seen) get 0, which drops them.
 */
public final class InverseDocumentFrequency {
    private InverseDocumentFrequency() {
    }

    /**
     * Fits idf.
     *
     * @param termCounts each training document's raw term counts (from {@link Featurizer#termCounts})
     * @param buckets    the number of buckets
     * @param minDf      minimum document frequency to keep a bucket
     * @return idf per bucket
     * @throws IllegalArgumentException if a vector has an index outside the buckets
     */
    public static double[] fit(Iterable<FeatureVector> termCounts, int buckets, int minDf) {
        int[] df = new int[buckets];
        long n = 0;
        for (FeatureVector v : termCounts) {
            n++;
            for (int b : v.indices()) {
                if (b < 0 || b >= buckets) {
                    throw new IllegalArgumentException("bucket " + b + " outside [0, " + buckets + ")");
                }
                df[b]++;
            }
        }
        double[] idf = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            idf[b] = df[b] >= minDf && df[b] > 0 ? Math.log((1.0 + n) / (1.0 + df[b])) + 1.0 : 0.0;
        }
        return idf;
    }
}
