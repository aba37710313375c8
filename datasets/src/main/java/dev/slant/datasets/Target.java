package dev.slant.datasets;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A target a corpus is labelled with, and what is known about its labels.
 *
 * @param name        the target's name ("stance", "topic", ...)
 * @param labels      its labels in their natural order (for an ordinal target, low to high), or empty when the
 *                    labels are whatever the data holds
 * @param ordinal     whether the labels are ordered (stance: left &lt; center &lt; right), so that errors have a size
 * @param multiValued whether an article may hold several labels of it (LIAR's subjects)
 */
public record Target(String name, List<String> labels, boolean ordinal, boolean multiValued) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the name is blank, a label repeats, or an ordinal target has fewer than
     *                                  two labels listed
     */
    public Target {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("target name is blank");
        }
        labels = List.copyOf(labels);
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("target '" + name + "' lists a label twice: " + labels);
        }
        if (ordinal && labels.size() < 2) {
            throw new IllegalArgumentException("ordinal target '" + name + "' must list its labels in order");
        }
    }

    /**
     * A single-valued, unordered target whose labels come from the data.
     *
     * @param name the target's name
     * @return the target
     */
    public static Target named(String name) {
        return new Target(name, List.of(), false, false);
    }
}
