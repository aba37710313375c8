package dev.slant.training;

import dev.slant.inference.features.FeaturizerSettings;
import java.util.List;
import java.util.Objects;

/**
 * The settings {@code --select} tries on the validation part: featurizer variants (n-gram range, bucket count)
 * times trainer costs. The featurizer variant is chosen by the first target's best score (one featurizer serves
 * every target of a bundle); the cost is chosen per target.
 *
 * @param featurizers featurizer variants, at least one
 * @param costs       trainer costs (C, or alpha for naive Bayes) to try, each for every target; none to train with
 *                    the trainer's own settings, C by label count included ({@link #trainers})
 */
public record SelectionGrid(List<FeaturizerSettings> featurizers, List<Double> costs) {

    /** Validates and copies. @throws IllegalArgumentException if there is no featurizer variant */
    public SelectionGrid {
        featurizers = List.copyOf(Objects.requireNonNull(featurizers, "featurizers"));
        costs = List.copyOf(Objects.requireNonNull(costs, "costs"));
        if (featurizers.isEmpty()) {
            throw new IllegalArgumentException("a selection grid needs at least one featurizer variant");
        }
    }

    /**
     * No selection: the given featurizer settings and the trainer's own settings.
     *
     * @param featurizer the featurizer settings
     * @return a one-cell grid
     */
    public static SelectionGrid single(FeaturizerSettings featurizer) {
        return new SelectionGrid(List.of(featurizer), List.of());
    }

    /**
     * The default grid around a base: word 1-grams and 1-2-grams, 2^18 and 2^20 buckets, and costs a factor of 3
     * apart.
     *
     * @param base the base featurizer settings
     * @return the grid
     */
    public static SelectionGrid around(FeaturizerSettings base) {
        return new SelectionGrid(List.of(
                base,
                base.withWordNgrams(1, 1),
                base.withBuckets(1 << 18)),
                List.of(0.1, 0.3, 1.0));
    }

    /**
     * The trainer settings to try: the trainer itself when the grid has no costs (so it keeps its choice of C by
     * label count, {@link TrainerSettings#costByLabels}), else the trainer at each cost, set for every target.
     *
     * @param trainer the trainer settings
     * @return one or more settings, in the grid's order
     */
    public List<TrainerSettings> trainers(TrainerSettings trainer) {
        return costs.isEmpty() ? List.of(trainer) : costs.stream().map(trainer::withCost).toList();
    }

    /** @return true when there is only one cell, so nothing is selected */
    public boolean isSingle() {
        return featurizers.size() == 1 && costs.size() <= 1;
    }
}
