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
 * @param costs       trainer costs (C, or alpha for naive Bayes), at least one ({@link #trainerAt})
 */
public record SelectionGrid(List<FeaturizerSettings> featurizers, List<Double> costs) {

    /** Validates and copies. @throws IllegalArgumentException if a list is empty */
    public SelectionGrid {
        featurizers = List.copyOf(Objects.requireNonNull(featurizers, "featurizers"));
        costs = List.copyOf(Objects.requireNonNull(costs, "costs"));
        if (featurizers.isEmpty() || costs.isEmpty()) {
            throw new IllegalArgumentException("a selection grid needs at least one featurizer variant and one cost");
        }
    }

    /**
     * No selection: the given settings only.
     *
     * @param featurizer the featurizer settings
     * @param cost       the cost
     * @return a one-cell grid
     */
    public static SelectionGrid single(FeaturizerSettings featurizer, double cost) {
        return new SelectionGrid(List.of(featurizer), List.of(cost));
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
     * The trainer settings of one of this grid's costs. A grid of one cost, the trainer's own, selects nothing, so
     * the trainer keeps its choice of C by label count ({@link TrainerSettings#costByLabels}); any other cost is set
     * for every target.
     *
     * @param trainer the trainer settings
     * @param cost    one of {@link #costs()}
     * @return the settings to train with at that cost
     */
    public TrainerSettings trainerAt(TrainerSettings trainer, double cost) {
        return costs.size() == 1 && cost == trainer.cost() ? trainer : trainer.withCost(cost);
    }

    /** @return true when there is only one cell, so nothing is selected */
    public boolean isSingle() {
        return featurizers.size() == 1 && costs.size() == 1;
    }
}
