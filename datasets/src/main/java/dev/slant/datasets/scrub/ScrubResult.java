package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import java.util.List;
import java.util.Objects;

/**
 * An article as scrubbed, and what was removed from it.
 *
 * @param scrubbed the scrubbed article (the same instance as the input when nothing was removed)
 * @param removals what was removed, by field (title first), then start, then end, then rule; spans of different
 *                 rules may overlap, and the scrubbed text lacks their union
 */
public record ScrubResult(Article scrubbed, List<Removal> removals) {
    /** Validates and copies. @throws NullPointerException if an argument is null */
    public ScrubResult {
        Objects.requireNonNull(scrubbed, "scrubbed");
        removals = List.copyOf(removals);
    }
}
