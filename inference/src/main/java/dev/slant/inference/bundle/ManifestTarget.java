package dev.slant.inference.bundle;

import dev.slant.inference.score.WeightPrecision;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One target of a bundle as its manifest records it.
 *
 * @param name            the target ("stance", "topic", ...), a {@link BundleFormat#TARGET_NAME}
 * @param labels          its labels in the model's output order (Tribuo's output ids 0, 1, ...), distinct, two or more
 * @param modelType       the Tribuo model class
 * @param trainer         the Tribuo trainer class that made the model
 * @param trainerSettings the trainer's configured parameters as Tribuo's provenance records them, by name
 * @param precision       how the target's fast scorer stores its weights
 * @param knownUnitLength true when the model was trained on vectors cut down to the buckets it knows and scaled back
 *                        to unit length, so that scoring does the same
 *                        ({@link dev.slant.inference.score.LinearScorer#knownUnitLength()}); absent (false) before
 *                        format 2.1
 */
public record ManifestTarget(String name, List<String> labels, String modelType, String trainer,
        Map<String, String> trainerSettings, WeightPrecision precision, boolean knownUnitLength) {

    /** The manifest field of {@link #knownUnitLength}, which bundles before format 2.1 lack. */
    static final String KNOWN_UNIT_LENGTH = "knownUnitLength";

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public ManifestTarget {
        if (name == null || !BundleFormat.TARGET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("target name '" + name + "' must match " + BundleFormat.TARGET_NAME.pattern());
        }
        if (labels == null || labels.size() < 2) {
            throw new IllegalArgumentException("target '" + name + "' needs at least 2 labels, got " + labels);
        }
        labels = List.copyOf(labels);
        if (new HashSet<>(labels).size() != labels.size() || labels.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("target '" + name + "' has blank or repeated labels: " + labels);
        }
        requireText(modelType, "modelType", name);
        requireText(trainer, "trainer", name);
        Objects.requireNonNull(precision, "precision of target " + name);
        trainerSettings = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(trainerSettings, Map.of())));
    }

    private static void requireText(String value, String field, String target) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("target '" + target + "' has no " + field);
        }
    }
}
