package dev.slant.spark;

import java.io.Serializable;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The counts that every figure of {@code slant evaluate} derives from, for one target: the confusion matrix (gold
 * rows, predicted columns), the abstentions per gold label, and the calibration bins of the predicted label's
 * probability. Tallies of partitions merge into the tally of the whole input; the figures follow the training
 * module's definitions (abstentions in every denominator, undefined ratios 0, an abstention at the largest
 * distance for MAE, {@link #BINS} equal-width bins for ECE).
 */
public final class TargetTally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The number of equal-width confidence bins, as the training module's calibration uses. */
    public static final int BINS = 15;

    private final String target;
    private final List<String> labels;
    private final long[][] counts;
    private final long[] abstained;
    private final long[] binCount = new long[BINS];
    private final long[] binCorrect = new long[BINS];
    private final double[] binConfidence = new double[BINS];

    /**
     * An empty tally.
     *
     * @param target the target
     * @param labels its labels, in the model's order
     * @throws IllegalArgumentException if there are fewer than two labels
     */
    public TargetTally(String target, List<String> labels) {
        this.target = target;
        this.labels = List.copyOf(labels);
        if (this.labels.size() < 2) {
            throw new IllegalArgumentException("target '" + target + "' needs at least two labels, got " + labels);
        }
        this.counts = new long[this.labels.size()][this.labels.size()];
        this.abstained = new long[this.labels.size()];
    }

    /** @return the target */
    public String target() {
        return target;
    }

    /** @return the labels, rows and columns of the matrix */
    public List<String> labels() {
        return labels;
    }

    /**
     * Counts one article.
     *
     * @param gold       index of its gold label
     * @param predicted  index of the predicted label, or -1 for an abstention
     * @param confidence the predicted label's probability; NaN where there is none (not binned)
     */
    public void add(int gold, int predicted, double confidence) {
        if (predicted < 0) {
            abstained[gold]++;
            return;
        }
        counts[gold][predicted]++;
        addConfidence(confidence, gold == predicted, 1);
    }

    /**
     * Counts articles in a calibration bin without touching the matrix (the baseline's constant confidence).
     *
     * @param confidence the confidence
     * @param correct    how many of them were right
     * @param articles   how many articles
     */
    void addConfidence(double confidence, long correct, long articles) {
        if (Double.isNaN(confidence)) {
            return;
        }
        int b = binOf(confidence);
        binCount[b] += articles;
        binCorrect[b] += correct;
        binConfidence[b] += confidence * articles;
    }

    private void addConfidence(double confidence, boolean correct, long articles) {
        addConfidence(confidence, correct ? articles : 0, articles);
    }

    /**
     * Counts articles of one gold label all given one label, without confidences (the baseline's answers).
     *
     * @param gold      index of their gold label
     * @param predicted index of the label they were given
     * @param articles  how many
     */
    void addAnswers(int gold, int predicted, long articles) {
        counts[gold][predicted] += articles;
    }

    /**
     * Adds a tally of the same labels in another order.
     *
     * @param other the other tally
     * @param to    for each of the other's label indexes, the index of that label here
     * @return this tally
     */
    TargetTally mergeReordered(TargetTally other, int[] to) {
        for (int g = 0; g < to.length; g++) {
            for (int p = 0; p < to.length; p++) {
                counts[to[g]][to[p]] += other.counts[g][p];
            }
            abstained[to[g]] += other.abstained[g];
        }
        for (int b = 0; b < BINS; b++) {
            binCount[b] += other.binCount[b];
            binCorrect[b] += other.binCorrect[b];
            binConfidence[b] += other.binConfidence[b];
        }
        return this;
    }

    /**
     * Adds another tally of the same target.
     *
     * @param other the other tally
     * @return this tally
     * @throws IllegalArgumentException if the other is of another target or label set
     */
    public TargetTally merge(TargetTally other) {
        if (!other.target.equals(target) || !other.labels.equals(labels)) {
            throw new IllegalArgumentException("cannot merge the tally of " + other.target + " into " + target);
        }
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < labels.size(); p++) {
                counts[g][p] += other.counts[g][p];
            }
            abstained[g] += other.abstained[g];
        }
        for (int b = 0; b < BINS; b++) {
            binCount[b] += other.binCount[b];
            binCorrect[b] += other.binCorrect[b];
            binConfidence[b] += other.binConfidence[b];
        }
        return this;
    }

    /**
     * The bin of a confidence, exactly as the training module bins: bin {@code m - 1} holds
     * {@code ((m-1)/BINS, m/BINS]}; confidence 0 goes to the first bin.
     *
     * @param confidence a probability
     * @return its bin
     */
    static int binOf(double confidence) {
        int m = Math.max(1, Math.min(BINS, (int) Math.ceil(confidence * BINS)));
        while (m > 1 && confidence <= (double) (m - 1) / BINS) {
            m--;
        }
        while (m < BINS && confidence > (double) m / BINS) {
            m++;
        }
        return m - 1;
    }

    /**
     * @param gold      index of a gold label
     * @param predicted index of a predicted label
     * @return the articles of that gold label given that label
     */
    public long count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    /**
     * @param gold index of a gold label
     * @return its articles the model gave no label
     */
    public long abstained(int gold) {
        return abstained[gold];
    }

    /** @return all abstentions */
    public long abstentions() {
        long s = 0;
        for (long a : abstained) {
            s += a;
        }
        return s;
    }

    /**
     * @param gold index of a gold label
     * @return its support, abstentions included
     */
    public long support(int gold) {
        long s = abstained[gold];
        for (long c : counts[gold]) {
            s += c;
        }
        return s;
    }

    /**
     * @param label index of a label
     * @return the articles given that label
     */
    public long predicted(int label) {
        long s = 0;
        for (long[] row : counts) {
            s += row[label];
        }
        return s;
    }

    /** @return the articles counted */
    public long articles() {
        long s = 0;
        for (int g = 0; g < labels.size(); g++) {
            s += support(g);
        }
        return s;
    }

    /** @return the articles given their gold label */
    public long correct() {
        long s = 0;
        for (int g = 0; g < labels.size(); g++) {
            s += counts[g][g];
        }
        return s;
    }

    /** @return correct / articles */
    public double accuracy() {
        return ratio(correct(), articles());
    }

    /**
     * @param label index of a label
     * @return its precision, 0 if never predicted
     */
    public double precision(int label) {
        return ratio(counts[label][label], predicted(label));
    }

    /**
     * @param label index of a label
     * @return its recall, 0 without support
     */
    public double recall(int label) {
        return ratio(counts[label][label], support(label));
    }

    /**
     * @param label index of a label
     * @return {@code 2TP / (2TP + FP + FN)}, 0 where that denominator is 0
     */
    public double f1(int label) {
        long tp = counts[label][label];
        long fp = predicted(label) - tp;
        long fn = support(label) - tp;
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** @return the unweighted mean of the labels' F1 */
    public double macroF1() {
        double s = 0;
        for (int i = 0; i < labels.size(); i++) {
            s += f1(i);
        }
        return s / labels.size();
    }

    /** @return the labels' F1 weighted by support */
    public double weightedF1() {
        double s = 0;
        for (int i = 0; i < labels.size(); i++) {
            s += f1(i) * support(i);
        }
        return articles() == 0 ? 0 : s / articles();
    }

    /** @return the mean absolute label distance, an abstention counting as the largest */
    public double mae() {
        long sum = 0;
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < labels.size(); p++) {
                sum += counts[g][p] * Math.abs(g - p);
            }
            sum += abstained[g] * (labels.size() - 1);
        }
        return articles() == 0 ? 0 : (double) sum / articles();
    }

    /** @return the articles in the calibration bins */
    public long calibrated() {
        long s = 0;
        for (long c : binCount) {
            s += c;
        }
        return s;
    }

    /** @return the expected calibration error, empty when no article had a confidence */
    public OptionalDouble ece() {
        long measured = calibrated();
        if (measured == 0) {
            return OptionalDouble.empty();
        }
        double gap = 0;
        for (int b = 0; b < BINS; b++) {
            gap += Math.abs(binCorrect[b] - binConfidence[b]);
        }
        return OptionalDouble.of(Math.min(1, gap / measured));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
