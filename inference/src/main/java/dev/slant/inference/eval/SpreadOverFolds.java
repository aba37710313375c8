package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mean and sample standard deviation over folds of the headline figures of one set of predictions (the
 * model's or the baseline's).
 *
 * @param accuracy accuracy over folds
 * @param macroF1  macro-F1 over folds
 * @param mae      MAE over folds, for an ordinal target only
 */
public record SpreadOverFolds(Spread accuracy, Spread macroF1, Optional<Spread> mae) {

    /** Validates. @throws NullPointerException if an argument is null */
    public SpreadOverFolds {
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(macroF1, "macroF1");
        Objects.requireNonNull(mae, "mae");
    }

    /**
     * @param folds the figures of each fold, at least two, all with MAE or all without
     * @return their spread
     */
    static SpreadOverFolds of(List<Figures> folds) {
        List<Double> accuracy = new ArrayList<>();
        List<Double> macroF1 = new ArrayList<>();
        List<Double> mae = new ArrayList<>();
        for (Figures f : folds) {
            accuracy.add(f.accuracy());
            macroF1.add(f.macroF1());
            f.mae().ifPresent(mae::add);
        }
        return new SpreadOverFolds(Spread.of(accuracy), Spread.of(macroF1),
                mae.isEmpty() ? Optional.empty() : Optional.of(Spread.of(mae)));
    }
}
