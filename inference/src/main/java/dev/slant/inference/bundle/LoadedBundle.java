package dev.slant.inference.bundle;

import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.LinearScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bundle read and checked by {@link BundleReader}: its manifest, the featurizer it rebuilds, one fast scorer
 * per target, the model card and each model's provenance JSON.
 *
 * @param file       the file it was read from
 * @param manifest   the manifest
 * @param featurizer the featurizer, rebuilt from the settings, idf and scrubber rules
 * @param scorers    one scorer per target, in the manifest's target order
 * @param modelCard  the model card, Markdown
 * @param provenance each target's Tribuo provenance as JSON
 */
public record LoadedBundle(Path file, Manifest manifest, Featurizer featurizer, Map<String, LinearScorer> scorers,
        String modelCard, Map<String, String> provenance) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the scorers or provenance do not match the manifest's targets, or the
     *                                  featurizer's settings differ from the manifest's
     * @throws NullPointerException     if an argument is null
     */
    public LoadedBundle {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(featurizer, "featurizer");
        Objects.requireNonNull(modelCard, "modelCard");
        if (!featurizer.settings().equals(manifest.featurizer())) {
            throw new IllegalArgumentException("the featurizer's settings differ from the manifest's");
        }
        if (!new ArrayList<>(scorers.keySet()).equals(manifest.targetNames())) {
            throw new IllegalArgumentException("scorers for " + scorers.keySet() + ", the manifest has targets " + manifest.targetNames());
        }
        if (!provenance.keySet().equals(scorers.keySet())) {
            throw new IllegalArgumentException("provenance for " + provenance.keySet() + ", the manifest has targets " + manifest.targetNames());
        }
        scorers = Collections.unmodifiableMap(new LinkedHashMap<>(scorers));
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }
}
