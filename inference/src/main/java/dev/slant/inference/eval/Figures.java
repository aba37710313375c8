package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every figure of one set of predictions on one target (the model's, or the baseline's). Abstentions are in every
 * denominator; see the package documentation for the conventions.
 *
 * @param articles    the evaluated articles, abstentions included
 * @param abstained   the articles the model gave no label
 * @param correct     the articles given their gold label
 * @param accuracy    {@code correct / articles}
 * @param macroF1     the unweighted mean of every declared label's F1
 * @param weightedF1  the mean of the labels' F1 weighted by their support
 * @param perClass    the figures of each label, in the declared order
 * @param confusion   the confusion matrix
 * @param mae         mean absolute label distance, for an ordinal target only; an abstention counts as the
 *                    largest distance
 * @param calibration the calibration, empty where no answered article carries probabilities
 */
public record Figures(
        int articles,
        int abstained,
        int correct,
        double accuracy,
        double macroF1,
        double weightedF1,
        List<ClassFigures> perClass,
        ConfusionMatrix confusion,
        OptionalDouble mae,
        Optional<Calibration> calibration) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a count is negative or inconsistent, a ratio is outside [0, 1], or the
     *                                  per-class figures do not match the confusion matrix's labels
     */
    public Figures {
        Objects.requireNonNull(confusion, "confusion");
        Objects.requireNonNull(mae, "mae");
        Objects.requireNonNull(calibration, "calibration");
        perClass = List.copyOf(perClass);
        if (articles < 1 || abstained < 0 || correct < 0 || abstained + correct > articles) {
            throw new IllegalArgumentException("inconsistent counts: " + articles + " articles, " + abstained
                    + " abstained, " + correct + " correct");
        }
        if (confusion.total() != articles || confusion.abstentions() != abstained) {
            throw new IllegalArgumentException("confusion matrix counts " + confusion.total() + " articles and "
                    + confusion.abstentions() + " abstentions, figures say " + articles + " and " + abstained);
        }
        requireRatio("accuracy", accuracy);
        requireRatio("macro-F1", macroF1);
        requireRatio("weighted-F1", weightedF1);
        if (perClass.size() != confusion.labels().size()) {
            throw new IllegalArgumentException(perClass.size() + " per-class figures for "
                    + confusion.labels().size() + " labels");
        }
        for (int i = 0; i < perClass.size(); i++) {
            if (!perClass.get(i).label().equals(confusion.labels().get(i))) {
                throw new IllegalArgumentException("per-class figures " + i + " are for '" + perClass.get(i).label()
                        + "', the matrix has '" + confusion.labels().get(i) + "'");
            }
        }
        if (mae.isPresent() && !(mae.getAsDouble() >= 0 && mae.getAsDouble() <= confusion.labels().size() - 1)) {
            throw new IllegalArgumentException("MAE " + mae.getAsDouble() + " out of range");
        }
    }

    /**
     * Computes the figures of a tally.
     *
     * @param tally   the counts of the evaluated articles
     * @param ordinal whether the tally's label order is meaningful (MAE is computed only then)
     * @return the figures
     * @throws NullPointerException     if the tally is null
     * @throws IllegalArgumentException if the tally counts no article, or more than {@link Integer#MAX_VALUE}
     */
    public static Figures of(TargetTally tally, boolean ordinal) {
        long total = tally.articles();
        if (total < 1 || total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("target '" + tally.target() + "': " + total
                    + " articles counted; figures are computed for 1 to " + Integer.MAX_VALUE);
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(tally);
        List<String> labels = matrix.labels();
        int n = (int) total;
        int correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += matrix.count(i, i);
        }
        List<ClassFigures> perClass = new ArrayList<>();
        double f1Sum = 0;
        double f1Weighted = 0;
        for (int i = 0; i < labels.size(); i++) {
            ClassFigures c = ClassFigures.of(matrix, i);
            perClass.add(c);
            f1Sum += c.f1();
            f1Weighted += c.f1() * c.support();
        }
        OptionalDouble mae = ordinal ? OptionalDouble.of(meanDistance(matrix)) : OptionalDouble.empty();
        return new Figures(n, matrix.abstentions(), correct, (double) correct / n, f1Sum / labels.size(),
                f1Weighted / n, perClass, matrix, mae, Calibration.of(tally));
    }

    /** @return the mean distance between gold and predicted label positions, an abstention at the largest */
    private static double meanDistance(ConfusionMatrix matrix) {
        int labels = matrix.labels().size();
        long sum = 0;
        for (int g = 0; g < labels; g++) {
            for (int p = 0; p < labels; p++) {
                sum += (long) matrix.count(g, p) * Math.abs(g - p);
            }
            sum += (long) matrix.abstained().get(g) * (labels - 1);
        }
        return (double) sum / matrix.total();
    }

    /** @return the expected calibration error, empty where calibration was not measured */
    public OptionalDouble ece() {
        return calibration.map(c -> OptionalDouble.of(c.ece())).orElse(OptionalDouble.empty());
    }

    /**
     * @param what  the ratio's name, for the message
     * @param value the value
     * @throws IllegalArgumentException if the value is not in [0, 1]
     */
    static void requireRatio(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " " + value + " not in [0, 1]");
        }
    }
}
