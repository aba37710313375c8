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
        return fit(termCounts, null, buckets, minDf, 1);
    }

    /**
     * Fits idf, dropping buckets seen in too few documents or too few groups (outlets).
     *
     * @param termCounts each training document's raw term counts
     * @param groups     each document's group (outlet), same order; null for every document a group of its own
     * @param buckets    the number of buckets
     * @param minDf      minimum document frequency to keep a bucket
     * @param minGroups  minimum number of distinct groups a kept bucket is seen in
     * @return idf per bucket
     * @throws IllegalArgumentException if a vector has an index outside the buckets, or groups and documents differ in number
     */
    public static double[] fit(Iterable<FeatureVector> termCounts, java.util.List<String> groups, int buckets, int minDf,
                               int minGroups) {
        int[] groupSeen = null;
        int[] lastGroup = null;
        java.util.Map<String, Integer> groupIds = new java.util.HashMap<>();
        if (minGroups > 1) {
            groupSeen = new int[buckets];
            lastGroup = new int[buckets];
            java.util.Arrays.fill(lastGroup, -1);
        }
        int[] df = new int[buckets];
        long n = 0;
        for (FeatureVector v : termCounts) {
            int group = -1;
            if (groupSeen != null) {
                if (groups != null && n >= groups.size()) {
                    throw new IllegalArgumentException("more documents than groups (" + groups.size() + ")");
                }
                group = groups == null ? (int) n : groupIds.computeIfAbsent(groups.get((int) n), g -> groupIds.size());
            }
            n++;
            for (int b : v.indices()) {
                if (b < 0 || b >= buckets) {
                    throw new IllegalArgumentException("bucket " + b + " outside [0, " + buckets + ")");
                }
                df[b]++;
                if (groupSeen != null && !seenBy(group, b, lastGroup, groupSeen)) {
                    groupSeen[b]++;
                }
            }
        }
        if (groups != null && n != groups.size() && groupSeen != null) {
            throw new IllegalArgumentException(n + " documents but " + groups.size() + " groups");
        }
        double[] idf = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            boolean kept = df[b] >= minDf && df[b] > 0 && (groupSeen == null || groupSeen[b] >= minGroups);
            idf[b] = kept ? Math.log((1.0 + n) / (1.0 + df[b])) + 1.0 : 0.0;
        }
        return idf;
    }

    /**
     * Whether a bucket was already counted for a group. Groups are counted exactly when each group's documents
     * are contiguous; otherwise a group returning after another counts again, so the fit sorts by group first.
     */
    private static boolean seenBy(int group, int bucket, int[] lastGroup, int[] groupSeen) {
        if (lastGroup[bucket] == group) {
            return true;
        }
        lastGroup[bucket] = group;
        return false;
    }
}
