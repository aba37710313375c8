package dev.slant.datasets.scrub;

import java.util.Objects;

/**
 * One span a {@link Scrubber} removed from an article, and why.
 *
 * @param field   the field it was removed from
 * @param start   its first index in the original field
 * @param end     its end index (exclusive) in the original field
 * @param removed the characters removed
 * @param rule    the rule that removed them
 * @param entry   the rule entry that matched: the phrase, line opener or marker as the rules list it, the outlet
 *                name or domain, or the dateline's agency ("" for a dateline in capitals)
 */
public record Removal(ArticleField field, int start, int end, String removed, ScrubRule rule, String entry) {
    /**
     * Validates.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the span is empty or negative, or its length is not the removed text's
     */
    public Removal {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(entry, "entry");
        if (start < 0 || end <= start || end - start != removed.length()) {
            throw new IllegalArgumentException("bad removal span [" + start + ", " + end + ") for " + removed.length()
                    + " removed characters");
        }
    }
}
