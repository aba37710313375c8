package dev.slant.datasets.split;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How groups that must stay together (outlets) are dealt into folds of about equal size: largest group first, each to
 * the fold with the fewest members so far (the lowest-numbered fold among equals). Groups of equal size are dealt in
 * the order given, so the caller's order breaks ties (a seeded shuffle, or names).
 */
public final class FoldDealing {
    private FoldDealing() {
    }

    /**
     * Deals groups into folds.
     *
     * @param sizes each group's number of members, in the order that breaks ties between groups of equal size
     * @param k     the number of folds, 1 or more
     * @return each group's fold, 0 to k - 1, by the group's position in {@code sizes}
     * @throws IllegalArgumentException if k is below 1 or a size is negative
     */
    public static int[] bySize(int[] sizes, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("folds must be at least 1, got " + k);
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 0) {
                throw new IllegalArgumentException("group " + i + " has size " + sizes[i]);
            }
        }
        // A stable sort, largest first: groups of equal size keep the caller's order.
        Integer[] order = IntStream.range(0, sizes.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer g) -> sizes[g]).reversed());
        long[] filled = new long[k];
        int[] fold = new int[sizes.length];
        for (int g : order) {
            int smallest = 0;
            for (int f = 1; f < k; f++) {
                if (filled[f] < filled[smallest]) {
                    smallest = f;
                }
            }
            fold[g] = smallest;
            filled[smallest] += sizes[g];
        }
        return fold;
    }
}
