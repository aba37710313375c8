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
     * Computes the figures of outcomes whose labels are all among the given ones.
     *
     * @param labels   the target's labels in order
     * @param ordinal  whether the order is meaningful (MAE is computed only then)
     * @param outcomes the outcomes, at least one
     * @return the figures
     * @throws IndexOutOfBoundsException if there is no outcome or a label of one is not among the labels
     */
    public static Figures of(List<String> labels, boolean ordinal, List<Outcome> outcomes) {
        ConfusionMatrix matrix = ConfusionMatrix.of(labels, outcomes);
        int n = outcomes.size();
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
        OptionalDouble mae = ordinal ? OptionalDouble.of(meanDistance(labels, outcomes)) : OptionalDouble.empty();
        return new Figures(n, matrix.abstentions(), correct, (double) correct / n, f1Sum / labels.size(),
                f1Weighted / n, perClass, matrix, mae, Calibration.of(outcomes));
    }

    private static double meanDistance(List<String> labels, List<Outcome> outcomes) {
        long sum = 0;
        for (Outcome o : outcomes) {
            sum += o.isAbstention()
                    ? labels.size() - 1
                    : Math.abs(labels.indexOf(o.gold()) - labels.indexOf(o.predicted()));
        }
        return (double) sum / outcomes.size();
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
