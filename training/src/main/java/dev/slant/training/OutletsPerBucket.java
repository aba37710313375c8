package dev.slant.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * How many distinct training outlets use each bucket: what a model's own n-gram filter
 * ({@link TrainerSettings#minOutlets()}) tests, counted as the featurizer counts them for its filter.
 */
final class OutletsPerBucket {
    private final int[] outlets;

    private OutletsPerBucket(int[] outlets) {
        this.outlets = outlets;
    }

    /**
     * Counts outlets per bucket.
     *
     * @param table   the term counts
     * @param rows    the training rows
     * @param outlets each training row's outlet key, in the order of {@code rows}
     * @param buckets the featurizer's buckets
     * @return the counts
     * @throws IllegalArgumentException if rows and outlets differ in length
     */
    static OutletsPerBucket of(FeatureTable table, int[] rows, List<String> outlets, int buckets) {
        Objects.requireNonNull(table, "table");
        if (rows.length != outlets.size()) {
            throw new IllegalArgumentException(rows.length + " rows but " + outlets.size() + " outlets");
        }
        Map<String, Integer> ids = new HashMap<>();
        int[] count = new int[buckets];
        // Rows grouped by outlet, so that remembering the last outlet counted for each bucket (its id, 0 for none)
        // counts each outlet once per bucket.
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing(outlets::get));
        int[] last = new int[buckets];
        for (int i : order) {
            int outlet = ids.computeIfAbsent(outlets.get(i), k -> ids.size() + 1);
            for (int b : table.featurizer().perBucket(table.counts(rows[i])).indices()) {
                if (last[b] != outlet) {
                    last[b] = outlet;
                    count[b]++;
                }
            }
        }
        return new OutletsPerBucket(count);
    }

    /**
     * @param min the fewest outlets kept
     * @return a test of a bucket, true when at least {@code min} outlets use it (every bucket for min 1 or less)
     */
    IntPredicate atLeast(int min) {
        return min <= 1 ? b -> true : b -> outlets[b] >= min;
    }

    /**
     * @param bucket a bucket
     * @return the outlets that use it
     */
    int get(int bucket) {
        return outlets[bucket];
    }
}
