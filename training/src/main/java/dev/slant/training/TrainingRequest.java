package dev.slant.training;

import dev.slant.datasets.Target;
import dev.slant.datasets.scrub.ScrubSettings;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link TrainingJob} needs besides the data, validated in one place.
 *
 * @param targets   the targets to train, the main one first (outlet cross-validation is on the main one)
 * @param split     the split to train, choose and test on (a published name, stratified, outlet, or outlet-cv)
 * @param trainer   the trainer settings
 * @param grid      the featurizer variants and costs to try on the valid part
 * @param scrub     how the scrubber is fitted when the featurizer scrubs
 * @param outletCv  whether to also run outlet-disjoint cross-validation of the main target (the honest figure)
 * @param folds     the number of outlet folds
 * @param seed      the seed of every random choice
 * @param threads   threads for featurizing
 * @param keepWeights the fraction of each LibLinear model's feature weights kept, largest magnitudes first, in
 *                  (0, 1]; below 1 the rest are zeroed right after fitting, so every figure is the pruned model's
 *                  ({@link WeightPruning})
 * @param foldDraws how many draws of the outlet folds to cross-validate over, 1 or more: draw d uses the seed
 *                  {@code seed + d}, and the first (the seed itself) is the one reported fold by fold
 */
public record TrainingRequest(List<Target> targets, String split, TrainerSettings trainer, SelectionGrid grid,
                              ScrubSettings scrub, boolean outletCv, int folds, long seed, int threads,
                              double keepWeights, int foldDraws) {
    /** The number of fold draws unless asked otherwise. */
    public static final int DEFAULT_FOLD_DRAWS = 1;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if there is no target, a target is multi-valued, folds are below 2, or
     *                                  threads or fold draws below 1
     */
    public TrainingRequest {
        targets = List.copyOf(targets);
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(scrub, "scrub");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target to train");
        }
        for (Target t : targets) {
            if (t.multiValued()) {
                throw new IllegalArgumentException("target '" + t.name() + "' holds several labels per article; "
                        + "Slant trains single-label targets only");
            }
        }
        if (folds < 2) {
            throw new IllegalArgumentException("outlet cross-validation needs at least 2 folds, got " + folds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        WeightPruning.checkFraction(keepWeights);
        if (foldDraws < 1) {
            throw new IllegalArgumentException("fold draws must be at least 1, got " + foldDraws);
        }
    }

    /**
     * A request with one draw of the outlet folds.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TrainingRequest(List<Target> targets, String split, TrainerSettings trainer, SelectionGrid grid,
                           ScrubSettings scrub, boolean outletCv, int folds, long seed, int threads,
                           double keepWeights) {
        this(targets, split, trainer, grid, scrub, outletCv, folds, seed, threads, keepWeights, DEFAULT_FOLD_DRAWS);
    }

    /**
     * A request that keeps every weight ({@link WeightPruning#KEEP_ALL}).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TrainingRequest(List<Target> targets, String split, TrainerSettings trainer, SelectionGrid grid,
                           ScrubSettings scrub, boolean outletCv, int folds, long seed, int threads) {
        this(targets, split, trainer, grid, scrub, outletCv, folds, seed, threads, WeightPruning.KEEP_ALL);
    }
}
