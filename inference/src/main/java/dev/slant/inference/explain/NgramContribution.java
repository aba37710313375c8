package dev.slant.inference.explain;

import java.util.List;
import java.util.Objects;

/**
 * One feature's exact share of a label's decision value: the model's weight for the label times the feature's
 * value in the article's vector. A feature is a hash bucket; it is named by the n-gram texts of the article that
 * fell into it (usually one; more when hashes collide).
 *
 * @param bucket       the feature's bucket
 * @param ngrams       the distinct n-gram texts that produced it, lower-cased, in order of first appearance (at
 *                     most {@link #MAX_NAMES}); title n-grams kept apart from the body's start with
 *                     {@value #TITLE_PREFIX}
 * @param occurrences  how many times the bucket occurs in the article (1 or more)
 * @param value        the feature's value (tf-idf weighted, normalized)
 * @param weight       the model's weight of the bucket for the label
 * @param contribution weight times value
 */
public record NgramContribution(int bucket, List<String> ngrams, int occurrences, double value, double weight,
        double contribution) {

    /** The most n-gram texts that name one bucket. */
    public static final int MAX_NAMES = 3;
    /** Marks the n-grams of a title whose features are kept apart from the body's. */
    public static final String TITLE_PREFIX = "title: ";

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the bucket is negative, there is no name or more than
     *                                  {@link #MAX_NAMES}, occurrences is below 1, or a number is not finite
     * @throws NullPointerException     if ngrams or one of them is null
     */
    public NgramContribution {
        ngrams = List.copyOf(Objects.requireNonNull(ngrams, "ngrams"));
        if (bucket < 0) {
            throw new IllegalArgumentException("bucket " + bucket + " is negative");
        }
        if (ngrams.isEmpty() || ngrams.size() > MAX_NAMES) {
            throw new IllegalArgumentException("bucket " + bucket + ": " + ngrams.size() + " names, expected 1 to " + MAX_NAMES);
        }
        if (occurrences < 1) {
            throw new IllegalArgumentException("bucket " + bucket + ": " + occurrences + " occurrences");
        }
        if (!Double.isFinite(value) || !Double.isFinite(weight) || !Double.isFinite(contribution)) {
            throw new IllegalArgumentException("bucket " + bucket + ": value " + value + ", weight " + weight
                    + ", contribution " + contribution + " must be finite");
        }
    }

    /** @return the n-gram texts joined by " | ", how the bucket reads to a person */
    public String name() {
        return String.join(" | ", ngrams);
    }
}
