package dev.slant.inference.eval;

import java.util.Objects;

/**
 * The figures of one label. Undefined ratios are 0 (scikit-learn's {@code zero_division=0}).
 *
 * @param label     the label
 * @param precision share of the articles given this label that have it as gold label; 0 if it was never given
 * @param recall    share of the articles with this gold label that were given it; 0 without support
 * @param f1        {@code 2TP / (2TP + FP + FN)}, their harmonic mean; 0 where that denominator is 0
 * @param support   the articles with this gold label, abstentions included
 * @param predicted the articles the model gave this label
 */
public record ClassFigures(String label, double precision, double recall, double f1, int support, int predicted) {

    /**
     * Validates.
     *
     * @throws NullPointerException     if the label is null
     * @throws IllegalArgumentException if a ratio is outside [0, 1] or a count is negative
     */
    public ClassFigures {
        Objects.requireNonNull(label, "label");
        Figures.requireRatio("precision of '" + label + "'", precision);
        Figures.requireRatio("recall of '" + label + "'", recall);
        Figures.requireRatio("F1 of '" + label + "'", f1);
        if (support < 0 || predicted < 0) {
            throw new IllegalArgumentException("negative count for '" + label + "': support " + support
                    + ", predicted " + predicted);
        }
    }

    /**
     * The figures of one label from a confusion matrix.
     *
     * @param matrix the matrix
     * @param index  the label's index in it
     * @return the figures
     */
    static ClassFigures of(ConfusionMatrix matrix, int index) {
        long tp = matrix.count(index, index);
        int support = matrix.support(index);
        int predicted = matrix.predictedCount(index);
        long fp = predicted - tp;
        long fn = support - tp;
        return new ClassFigures(matrix.labels().get(index), ratio(tp, predicted), ratio(tp, support),
                ratio(2 * tp, 2 * tp + fp + fn), support, predicted);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
