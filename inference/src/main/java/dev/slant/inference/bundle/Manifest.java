package dev.slant.inference.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.features.FeaturizerSettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a bundle holds and how it was made; {@code manifest.json}, read and written with Jackson.
 *
 * @param formatVersion      the bundle format, "major.minor" ({@link BundleFormat#FORMAT_VERSION} when written)
 * @param slantVersion       the Slant version that wrote it
 * @param created            when it was written, ISO-8601 UTC
 * @param targets            the targets, in order, with their labels and trainers
 * @param featurizer         the featurizer's settings
 * @param seed               the training seed
 * @param trainingDataSha256 SHA-256 of the training data, lower-case hex
 * @param rowsUsed           training rows used
 * @param rowsRejected       training rows rejected (bad records)
 * @param metrics            metrics on validation and test, free-form JSON the trainer fills
 * @param entries            SHA-256 (lower-case hex) of every other entry of the bundle, by entry name
 */
public record Manifest(
        String formatVersion,
        String slantVersion,
        String created,
        List<ManifestTarget> targets,
        FeaturizerSettings featurizer,
        long seed,
        String trainingDataSha256,
        long rowsUsed,
        long rowsRejected,
        ObjectNode metrics,
        Map<String, String> entries) {

    /** A SHA-256 in lower-case hex. */
    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the field that is wrong, or the entry that is missing
     * @throws NullPointerException     if a required field is missing
     */
    public Manifest {
        BundleFormat.major(formatVersion);
        if (slantVersion == null || slantVersion.isBlank()) {
            throw new IllegalArgumentException("slantVersion is missing");
        }
        try {
            Instant.parse(Objects.requireNonNull(created, "created"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created '" + created + "' is not an ISO-8601 instant", e);
        }
        Objects.requireNonNull(targets, "targets");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one target");
        }
        targets = List.copyOf(targets);
        Set<String> names = new HashSet<>();
        for (ManifestTarget t : targets) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("target '" + t.name() + "' appears twice");
            }
        }
        Objects.requireNonNull(featurizer, "featurizer");
        if (trainingDataSha256 == null || !SHA256.matcher(trainingDataSha256).matches()) {
            throw new IllegalArgumentException("trainingDataSha256 must be 64 lower-case hex digits, got '" + trainingDataSha256 + "'");
        }
        if (rowsUsed < 0 || rowsRejected < 0) {
            throw new IllegalArgumentException("row counts must not be negative, got used " + rowsUsed + ", rejected " + rowsRejected);
        }
        metrics = Objects.requireNonNull(metrics, "metrics").deepCopy();
        Objects.requireNonNull(entries, "entries");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getValue() == null || !SHA256.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("entry " + e.getKey() + " has no valid SHA-256: '" + e.getValue() + "'");
            }
        }
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
        List<String> required = requiredEntries(formatVersion, targets, featurizer);
        for (String name : required) {
            if (!entries.containsKey(name)) {
                throw new IllegalArgumentException("entry " + name + " is missing from the manifest's entries");
            }
        }
        for (String name : entries.keySet()) {
            if (!required.contains(name)) {
                throw new IllegalArgumentException("entry " + name + " is not part of a bundle of format " + formatVersion);
            }
        }
    }

    /**
     * The entries a bundle with these targets and settings has besides its manifest.
     *
     * @param formatVersion the bundle's format version
     * @param targets       the targets
     * @param featurizer    the featurizer settings
     * @return the entry names, in the order a bundle stores them
     * @throws IllegalArgumentException if the format version is not "major.minor"
     */
    public static List<String> requiredEntries(String formatVersion, List<ManifestTarget> targets, FeaturizerSettings featurizer) {
        List<String> names = new ArrayList<>();
        names.add(BundleFormat.MODEL_CARD);
        names.add(BundleFormat.SCRUBBER);
        if (featurizer.idf()) {
            names.add(BundleFormat.IDF);
        }
        for (ManifestTarget t : targets) {
            names.add(BundleFormat.modelEntry(t.name()));
            if (BundleFormat.hasScorerEntry(formatVersion, t.modelType())) {
                names.add(BundleFormat.scorerEntry(t.name()));
            }
        }
        for (ManifestTarget t : targets) {
            names.add(BundleFormat.provenanceEntry(t.name()));
        }
        return names;
    }

    /** @return a copy of the metrics (JSON nodes are mutable) */
    @Override
    public ObjectNode metrics() {
        return metrics.deepCopy();
    }

    /** @return the target names, in order */
    public List<String> targetNames() {
        return targets.stream().map(ManifestTarget::name).toList();
    }

    /**
     * @param name a target name
     * @return the target
     * @throws IllegalArgumentException if the bundle has no such target
     */
    public ManifestTarget target(String name) {
        for (ManifestTarget t : targets) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no target '" + name + "'; the bundle has " + targetNames());
    }
}
