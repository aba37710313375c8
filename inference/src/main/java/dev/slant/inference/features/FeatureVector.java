package dev.slant.inference.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse feature vector: strictly increasing bucket indices and their values.
 *
 * @param indices buckets, strictly increasing
 * @param values  value per bucket, same length
 */
public record FeatureVector(int[] indices, double[] values) {

    /** The empty vector. */
    public static final FeatureVector EMPTY = new FeatureVector(new int[0], new double[0]);

    /**
     * Validates (arrays are not copied: vectors are built by the featurizer and never modified).
     *
     * @throws IllegalArgumentException if lengths differ or indices are not strictly increasing
     */
    public FeatureVector {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs " + values.length);
        }
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] <= indices[i - 1]) {
                throw new IllegalArgumentException("indices not strictly increasing at position " + i);
            }
        }
    }

    /** @return the number of non-zero features */
    public int size() {
        return indices.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector[" + indices.length + " features]";
    }
}
