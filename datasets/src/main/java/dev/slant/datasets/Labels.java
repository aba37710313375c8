package dev.slant.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The labels of one article, by target ("stance", "topic", "veracity", ...). A target may hold several labels
 * (LIAR's "subjects"); most hold one.
 *
 * @param byTarget labels per target, in the order given; every list non-empty, no label blank
 */
public record Labels(Map<String, List<String>> byTarget) {

    /** No labels at all (articles to be scored). */
    public static final Labels NONE = new Labels(Map.of());

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a target name is blank, a target has no label, or a label is blank
     */
    public Labels {
        Objects.requireNonNull(byTarget, "byTarget");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byTarget.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("blank target name");
            }
            List<String> values = List.copyOf(e.getValue());
            if (values.isEmpty()) {
                throw new IllegalArgumentException("target '" + e.getKey() + "' has no label");
            }
            for (String v : values) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("target '" + e.getKey() + "' has a blank label");
                }
            }
            copy.put(e.getKey(), values);
        }
        byTarget = Collections.unmodifiableMap(copy);
    }

    /**
     * Single-valued labels.
     *
     * @param labels label per target
     * @return the labels
     */
    public static Labels single(Map<String, String> labels) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        labels.forEach((k, v) -> m.put(k, List.of(v)));
        return new Labels(m);
    }

    /**
     * The one label of a target, or its first where it has several.
     *
     * @param target target name
     * @return the label, if the target is labelled
     */
    public Optional<String> get(String target) {
        List<String> values = byTarget.get(target);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * All labels of a target.
     *
     * @param target target name
     * @return the labels, empty if the target is not labelled
     */
    public List<String> all(String target) {
        return byTarget.getOrDefault(target, List.of());
    }
}
