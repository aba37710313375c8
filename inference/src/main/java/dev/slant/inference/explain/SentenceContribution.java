package dev.slant.inference.explain;

import java.util.Objects;

/**
 * One sentence's share of a label's decision value: each feature's contribution spread evenly over its
 * occurrences, summed over the occurrences that start in the sentence.
 *
 * @param field        {@link #TITLE} (the whole title counts as one sentence) or {@link #TEXT}
 * @param index        the sentence's 0-based number within its field
 * @param text         the sentence, on one line, as the featurizer saw it (scrubbed)
 * @param contribution its share of the decision value
 */
public record SentenceContribution(String field, int index, String text, double contribution) {

    /** The field of the title. */
    public static final String TITLE = "title";
    /** The field of the body text. */
    public static final String TEXT = "text";

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the field is neither {@link #TITLE} nor {@link #TEXT}, the index is
     *                                  negative or the contribution is not finite
     * @throws NullPointerException     if field or text is null
     */
    public SentenceContribution {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        if (!field.equals(TITLE) && !field.equals(TEXT)) {
            throw new IllegalArgumentException("field must be " + TITLE + " or " + TEXT + ", got '" + field + "'");
        }
        if (index < 0) {
            throw new IllegalArgumentException("sentence index " + index + " is negative");
        }
        if (!Double.isFinite(contribution)) {
            throw new IllegalArgumentException("sentence " + index + ": contribution " + contribution + " is not finite");
        }
    }
}
