package dev.slant.inference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One target's prediction for one article. When the model knows none of the article's features, or too small a
 * share of its n-grams ({@link Abstention}), the prediction is an explicit abstention: no label, probability NaN, no
 * label probabilities.
 *
 * @param target        the target ("stance", "topic", ...)
 * @param label         the most probable label; null when abstaining
 * @param probability   the label's probability; NaN when abstaining
 * @param probabilities every label's probability, in the model's label order; empty when abstaining. For models
 *                      without probabilities (linear SVMs) these are a softmax of the decision values: they rank
 *                      as the margins do, and are calibrated only where training scaled the model by a temperature
 *                      (the model card says so)
 * @param knownFeatures how many of the article's features the model knows (0: abstain)
 * @param features      how many features the article has
 * @param knownShare    the share of the article's n-gram occurrences the model's vocabulary knows
 *                      ({@link dev.slant.inference.features.Featurizer.Featurized#knownShare()}), in [0, 1]; NaN
 *                      where not measured
 * @param abstention    why the target gives no label ({@link Abstention}), or null when it gives one
 */
public record TargetPrediction(String target, String label, double probability, Map<String, Double> probabilities,
        int knownFeatures, int features, double knownShare, String abstention) {

    /** How far the probabilities may sum from one. */
    public static final double SUM_TOLERANCE = 1e-9;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the counts are out of range, an abstention carries a label, or a
     *                                  prediction's label is not its most probable one or its probabilities do
     *                                  not sum to one
     */
    public TargetPrediction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(probabilities, "probabilities");
        if (target.isBlank()) {
            throw new IllegalArgumentException("target is blank");
        }
        if (features < 0 || knownFeatures < 0 || knownFeatures > features) {
            throw new IllegalArgumentException("target " + target + ": known features " + knownFeatures + " of " + features + " is out of range");
        }
        if (!Double.isNaN(knownShare) && !(knownShare >= 0 && knownShare <= 1)) {
            throw new IllegalArgumentException("target " + target + ": known n-gram share " + knownShare + " is not in [0, 1]");
        }
        if (knownFeatures == 0 && label != null) {
            throw new IllegalArgumentException("target " + target + ": a label without a known feature");
        }
        if ((label == null) != (abstention != null)) {
            throw new IllegalArgumentException("target " + target + ": an abstention, and only an abstention, has a reason");
        }
        if (label == null) {
            if (!Double.isNaN(probability) || !probabilities.isEmpty()) {
                throw new IllegalArgumentException("target " + target + ": an abstention has no label and no probabilities");
            }
        } else {
            Objects.requireNonNull(label, "label");
            Double p = probabilities.get(label);
            if (p == null || p != probability) {
                throw new IllegalArgumentException("target " + target + ": label " + label + " has probability " + p + ", not " + probability);
            }
            double sum = 0;
            for (Map.Entry<String, Double> e : probabilities.entrySet()) {
                double v = Objects.requireNonNull(e.getValue(), e.getKey());
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("target " + target + ": probability of " + e.getKey() + " is " + v);
                }
                if (v > probability) {
                    throw new IllegalArgumentException("target " + target + ": " + e.getKey() + " is more probable than the label " + label);
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException("target " + target + ": probabilities sum to " + sum);
            }
        }
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    /**
     * A prediction whose known n-gram share was not measured; without a label, an abstention for want of a known
     * feature.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TargetPrediction(String target, String label, double probability, Map<String, Double> probabilities,
                            int knownFeatures, int features) {
        this(target, label, probability, probabilities, knownFeatures, features, Double.NaN,
                label == null ? Abstention.NO_KNOWN_FEATURE : null);
    }

    /**
     * A label, with the article's known n-gram share.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TargetPrediction(String target, String label, double probability, Map<String, Double> probabilities,
                            int knownFeatures, int features, double knownShare) {
        this(target, label, probability, probabilities, knownFeatures, features, knownShare, null);
    }

    /**
     * @param target   the target
     * @param features how many features the article has (none of which the model knows)
     * @return the abstention
     */
    public static TargetPrediction abstain(String target, int features) {
        return new TargetPrediction(target, null, Double.NaN, Map.of(), 0, features);
    }

    /**
     * @param target        the target
     * @param knownFeatures how many of the article's features the model knows
     * @param features      how many features the article has
     * @param knownShare    the share of its n-grams the model's vocabulary knows, or NaN
     * @param reason        why ({@link Abstention})
     * @return the abstention
     */
    public static TargetPrediction abstain(String target, int knownFeatures, int features, double knownShare,
                                           String reason) {
        return new TargetPrediction(target, null, Double.NaN, Map.of(), knownFeatures, features, knownShare,
                java.util.Objects.requireNonNull(reason, "reason"));
    }

    /** @return true if the model gives no label: it knows none of the article's features, or too few of its n-grams */
    public boolean abstained() {
        return label == null;
    }

    /** @return the label, empty when abstaining */
    public Optional<String> labelIfAny() {
        return Optional.ofNullable(label);
    }
}
