package dev.slant.inference.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.scrub.ScrubRules;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.WeightPrecision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Everything the trainer hands over to write a bundle.
 *
 * @param featurizer         the fitted featurizer the models were trained on; its scrubber must be a
 *                           {@link Scrubber} (or scrubbing off), whose rules the bundle saves
 * @param models             one trained model per target, in target order
 * @param seed               the training seed
 * @param trainingDataSha256 SHA-256 of the training data, lower-case hex
 * @param rowsUsed           training rows used
 * @param rowsRejected       training rows rejected
 * @param metrics            metrics on validation and test, any JSON object
 * @param modelCard          the model card, Markdown
 * @param precision          how the fast scorers of models other than LibLinear's store their weights
 *                           ({@link #DEFAULT_PRECISION} unless heap is short); LibLinear models' weights are
 *                           written as floats and scored as floats, or as bfloat16 when every weight is one (as
 *                           Slant's trainer makes them), which is exact
 * @param knownUnitLength    the targets whose model was trained on vectors cut down to the buckets it knows and
 *                           scaled back to unit length ({@link dev.slant.inference.score.LinearScorer#knownUnitLength()})
 */
public record BundleContents(
        Featurizer featurizer,
        Map<String, Model<Label>> models,
        long seed,
        String trainingDataSha256,
        long rowsUsed,
        long rowsRejected,
        ObjectNode metrics,
        String modelCard,
        WeightPrecision precision,
        java.util.Set<String> knownUnitLength) {

    /** Double weights: scores equal Tribuo's. {@link WeightPrecision#FLOAT} halves the heap of scoring. */
    public static final WeightPrecision DEFAULT_PRECISION = WeightPrecision.DOUBLE;

    /**
     * Validates and copies (the models themselves are Tribuo's immutable models).
     *
     * @throws IllegalArgumentException if the featurizer is not fitted, its scrubber cannot be saved, there is no
     *                                  model, or a target name is not a {@link BundleFormat#TARGET_NAME}
     * @throws NullPointerException     if an argument is null
     */
    public BundleContents {
        Objects.requireNonNull(featurizer, "featurizer");
        if (!featurizer.isFitted()) {
            throw new IllegalArgumentException("the featurizer is not fitted");
        }
        scrubRules(featurizer);
        Objects.requireNonNull(models, "models");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one model");
        }
        for (Map.Entry<String, Model<Label>> e : models.entrySet()) {
            if (e.getKey() == null || !BundleFormat.TARGET_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("target name '" + e.getKey() + "' must match " + BundleFormat.TARGET_NAME.pattern());
            }
            Objects.requireNonNull(e.getValue(), "model of target " + e.getKey());
        }
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        Objects.requireNonNull(trainingDataSha256, "trainingDataSha256");
        metrics = Objects.requireNonNull(metrics, "metrics").deepCopy();
        Objects.requireNonNull(modelCard, "modelCard");
        Objects.requireNonNull(precision, "precision");
        knownUnitLength = java.util.Set.copyOf(Objects.requireNonNull(knownUnitLength, "knownUnitLength"));
        for (String t : knownUnitLength) {
            if (!models.containsKey(t)) {
                throw new IllegalArgumentException("target '" + t + "' scaled to unit length over known buckets has no model");
            }
        }
    }

    /**
     * Contents whose models all saw the featurizer's vectors as they are.
     *
     * @throws IllegalArgumentException as the canonical constructor
     * @throws NullPointerException     if an argument is null
     */
    public BundleContents(Featurizer featurizer, Map<String, Model<Label>> models, long seed, String trainingDataSha256,
                          long rowsUsed, long rowsRejected, ObjectNode metrics, String modelCard, WeightPrecision precision) {
        this(featurizer, models, seed, trainingDataSha256, rowsUsed, rowsRejected, metrics, modelCard, precision,
                java.util.Set.of());
    }

    /** @return a copy of the metrics */
    @Override
    public ObjectNode metrics() {
        return metrics.deepCopy();
    }

    /**
     * The rules of a featurizer's scrubber, as a bundle saves them.
     *
     * @param featurizer a featurizer
     * @return its scrubber's rules, {@link ScrubRules#NONE} when scrubbing is off and the scrubber is not a {@link Scrubber}
     * @throws IllegalArgumentException if the featurizer scrubs with something other than a {@link Scrubber}
     */
    public static ScrubRules scrubRules(Featurizer featurizer) {
        if (featurizer.scrubber() instanceof Scrubber s) {
            return s.rules();
        }
        if (featurizer.settings().scrub()) {
            throw new IllegalArgumentException("the featurizer scrubs with a " + featurizer.scrubber().getClass().getName()
                    + "; a bundle can only save a " + Scrubber.class.getName() + "'s rules");
        }
        return ScrubRules.NONE;
    }
}
