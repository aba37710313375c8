package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cross-validation of one target: each fold's evaluation (with that fold's own majority baseline), the mean
 * and sample standard deviation over folds of accuracy, macro-F1 and MAE for the model and the baseline, and
 * the figures of all folds' articles pooled. Immutable; built by {@link #of}.
 */
public final class CrossValidation implements TargetResult {
    private final List<TargetEvaluation> folds;
    private final SpreadOverFolds model;
    private final SpreadOverFolds baseline;
    private final TargetEvaluation pooled;

    private CrossValidation(List<TargetEvaluation> folds) {
        this.folds = folds;
        List<Figures> modelFigures = new ArrayList<>();
        List<Figures> baselineFigures = new ArrayList<>();
        Set<String> baselines = new LinkedHashSet<>();
        for (TargetEvaluation f : folds) {
            modelFigures.add(f.model());
            baselineFigures.add(f.baselineFigures());
            baselines.add(f.baseline());
        }
        this.model = SpreadOverFolds.of(modelFigures);
        this.baseline = SpreadOverFolds.of(baselineFigures);
        String pooledBaseline = baselines.size() == 1
                ? baselines.iterator().next() + " in every fold"
                : "each fold's majority";
        this.pooled = TargetEvaluation.pooled(folds, pooledBaseline);
    }

    /**
     * Gathers the folds of a cross-validation.
     *
     * @param folds one evaluation per fold, at least two, of the same target, labels and ordinality, no article in
     *              two folds
     * @return the cross-validation
     * @throws NullPointerException     if the list or a fold is null
     * @throws IllegalArgumentException if there are fewer than two folds, they disagree on the target, its labels or
     *                                  its ordinality, or an article is evaluated in two folds
     */
    public static CrossValidation of(List<TargetEvaluation> folds) {
        List<TargetEvaluation> copy = List.copyOf(folds);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two folds, got " + copy.size());
        }
        TargetEvaluation first = copy.get(0);
        Map<String, Integer> foldById = new HashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            TargetEvaluation f = copy.get(i);
            if (!f.target().equals(first.target()) || !f.labels().equals(first.labels())
                    || f.ordinal() != first.ordinal()) {
                throw new IllegalArgumentException("fold " + i + " evaluates target '" + f.target() + "' "
                        + f.labels() + (f.ordinal() ? " (ordinal)" : "") + ", fold 0 '" + first.target() + "' "
                        + first.labels() + (first.ordinal() ? " (ordinal)" : ""));
            }
            for (Outcome o : f.outcomes()) {
                Integer earlier = foldById.putIfAbsent(o.articleId(), i);
                if (earlier != null) {
                    throw new IllegalArgumentException("target '" + f.target() + "': article '" + o.articleId()
                            + "' is in fold " + earlier + " and fold " + i);
                }
            }
        }
        return new CrossValidation(copy);
    }

    @Override
    public String target() {
        return pooled.target();
    }

    @Override
    public List<String> labels() {
        return pooled.labels();
    }

    @Override
    public boolean ordinal() {
        return pooled.ordinal();
    }

    /** @return the pooled out-of-fold evaluation */
    @Override
    public TargetEvaluation overall() {
        return pooled;
    }

    /** @return each fold's evaluation, in order */
    public List<TargetEvaluation> folds() {
        return folds;
    }

    /** @return the model's figures over folds */
    public SpreadOverFolds model() {
        return model;
    }

    /** @return the majority baselines' figures over folds */
    public SpreadOverFolds baseline() {
        return baseline;
    }

    /** @return the evaluation of all folds' articles together */
    public TargetEvaluation pooled() {
        return pooled;
    }
}
