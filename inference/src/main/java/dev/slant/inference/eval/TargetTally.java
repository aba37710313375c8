package dev.slant.inference.eval;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The counts that every figure of one target derives from: the confusion matrix (gold rows, predicted columns), the
 * abstentions per gold label, and the {@value Calibration#BINS} calibration bins of the predicted label's
 * probability. Articles are counted one at a time, as {@link Outcome}s or as label indexes (what a Spark partition
 * counts); tallies of parts of the articles merge into the tally of the whole. {@link Figures#of(TargetTally,
 * boolean)} computes the figures from a tally. Mutable and not thread-safe; serializable, so that a partition's
 * tally can travel to the Spark driver.
 *
 * <p>Each bin's sum of confidences is kept exactly (a {@link BigDecimal} holds a sum of doubles without rounding), so
 * the figures are the same to the last digit however the articles were ordered, partitioned and merged; a running
 * double sum would round differently in each order.
 */
public final class TargetTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<String> labels;
    private final long[][] counts;
    private final long[] abstained;
    private final long[] binCount = new long[Calibration.BINS];
    private final long[] binCorrect = new long[Calibration.BINS];
    private final BigDecimal[] binConfidence = zeros();

    /**
     * An empty tally.
     *
     * @param target the target's name, for example "stance"
     * @param labels its labels, in the order of the matrix's rows and columns: at least two, distinct, none blank
     * @throws NullPointerException     if the target, the list or a label is null
     * @throws IllegalArgumentException if the target or a label is blank, or the labels repeat or are fewer than two
     */
    public TargetTally(String target, List<String> labels) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(labels, "labels");
        if (target.isBlank()) {
            throw new IllegalArgumentException("target name is blank");
        }
        List<String> copy = List.copyOf(labels);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("target '" + target + "' needs at least two labels, got " + copy);
        }
        Set<String> seen = new HashSet<>();
        for (String l : copy) {
            if (l.isBlank()) {
                throw new IllegalArgumentException("target '" + target + "' has a blank label: " + copy);
            }
            if (!seen.add(l)) {
                throw new IllegalArgumentException("target '" + target + "' declares label '" + l + "' twice");
            }
        }
        this.target = target;
        this.labels = copy;
        this.counts = new long[copy.size()][copy.size()];
        this.abstained = new long[copy.size()];
    }

    /** @return the target's name */
    public String target() {
        return target;
    }

    /** @return the labels, in the order of the matrix's rows and columns */
    public List<String> labels() {
        return labels;
    }

    /**
     * Counts one article.
     *
     * @param gold       index of its gold label
     * @param predicted  index of the predicted label, or -1 for an abstention
     * @param confidence the predicted label's probability, NaN where there is none (the article is then left out of
     *                   the calibration bins); not used for an abstention
     * @throws IndexOutOfBoundsException if an index is not a label's
     * @throws IllegalArgumentException  if an answered article's confidence is neither NaN nor in [0, 1]
     */
    public void add(int gold, int predicted, double confidence) {
        Objects.checkIndex(gold, labels.size());
        if (predicted == -1) {
            abstained[gold]++;
            return;
        }
        Objects.checkIndex(predicted, labels.size());
        int bin = binOf(confidence);
        counts[gold][predicted]++;
        if (bin >= 0) {
            binCount[bin]++;
            binConfidence[bin] = binConfidence[bin].add(new BigDecimal(confidence));
            if (gold == predicted) {
                binCorrect[bin]++;
            }
        }
    }

    /**
     * Counts one evaluated article.
     *
     * @param outcome what the model said about it
     * @throws NullPointerException     if the outcome is null
     * @throws IllegalArgumentException if its gold or predicted label is not one of this tally's labels
     */
    public void add(Outcome outcome) {
        int gold = indexOf(outcome, "gold", outcome.gold());
        int predicted = outcome.isAbstention() ? -1 : indexOf(outcome, "predicted", outcome.predicted());
        add(gold, predicted, outcome.confidence().orElse(Double.NaN));
    }

    private int indexOf(Outcome outcome, String what, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("target '" + target + "', article '" + outcome.articleId() + "': "
                    + what + " label '" + label + "' is not one of " + labels);
        }
        return i;
    }

    /**
     * Counts the articles of another tally again, as a model that gives every one of them the same label at the
     * same confidence would (the majority baseline is such a model): each gold label's support, abstentions
     * included, goes to that label's column. The bins hold exactly what counting the articles one by one would.
     *
     * @param articles   the articles, as another tally over the same labels counts them
     * @param label      index of the label given to every one of them
     * @param confidence the probability given to that label, NaN where there is none (the articles are then left
     *                   out of the calibration bins)
     * @return this tally
     * @throws NullPointerException      if the other tally is null
     * @throws IllegalArgumentException  if the other tally has other labels, or the confidence is neither NaN nor in
     *                                   [0, 1]
     * @throws IndexOutOfBoundsException if the index is not a label's
     */
    public TargetTally addAllAnswered(TargetTally articles, int label, double confidence) {
        requireSameLabels(articles);
        Objects.checkIndex(label, labels.size());
        int bin = binOf(confidence);
        for (int g = 0; g < labels.size(); g++) {
            long n = articles.support(g);
            counts[g][label] += n;
            if (bin >= 0) {
                binCount[bin] += n;
                binConfidence[bin] = binConfidence[bin].add(new BigDecimal(confidence).multiply(BigDecimal.valueOf(n)));
                if (g == label) {
                    binCorrect[bin] += n;
                }
            }
        }
        return this;
    }

    /**
     * Adds another tally of the same target, for example another partition's.
     *
     * @param other the other tally
     * @return this tally
     * @throws NullPointerException     if the other tally is null
     * @throws IllegalArgumentException if the other is of another target or has other labels, or another order
     */
    public TargetTally merge(TargetTally other) {
        if (!other.target.equals(target)) {
            throw new IllegalArgumentException("cannot merge the tally of " + other.target + " into " + target);
        }
        requireSameLabels(other);
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < labels.size(); p++) {
                counts[g][p] += other.counts[g][p];
            }
            abstained[g] += other.abstained[g];
        }
        for (int b = 0; b < Calibration.BINS; b++) {
            binCount[b] += other.binCount[b];
            binCorrect[b] += other.binCorrect[b];
            binConfidence[b] = binConfidence[b].add(other.binConfidence[b]);
        }
        return this;
    }

    /**
     * The same counts over the same labels in another order, for example the order a report lays them out in.
     *
     * @param order the labels in the new order
     * @return a new tally
     * @throws NullPointerException     if the order is null
     * @throws IllegalArgumentException if the order does not hold exactly this tally's labels
     */
    public TargetTally reordered(List<String> order) {
        if (order.size() != labels.size() || !order.containsAll(labels)) {
            throw new IllegalArgumentException("target '" + target + "': labels " + order + " are not " + labels);
        }
        return withLabels(order);
    }

    /**
     * The same counts over more labels (or over the same ones in another order): each of this tally's labels where
     * the new list puts it, the others with no articles. So a part of the articles that never met a gold label
     * another part met (a label the model never saw) can be merged with it.
     *
     * @param all every label of this tally and any others, in the new order: distinct, none blank
     * @return a new tally
     * @throws NullPointerException     if the list or a label in it is null
     * @throws IllegalArgumentException if a label of this tally is missing from the list, or the list repeats a
     *                                  label or has a blank one
     */
    public TargetTally withLabels(List<String> all) {
        if (!all.containsAll(labels)) {
            throw new IllegalArgumentException("target '" + target + "': labels " + all + " do not hold all of "
                    + labels);
        }
        TargetTally r = new TargetTally(target, all);
        int[] to = new int[labels.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = r.labels.indexOf(labels.get(i));
        }
        for (int g = 0; g < to.length; g++) {
            for (int p = 0; p < to.length; p++) {
                r.counts[to[g]][to[p]] = counts[g][p];
            }
            r.abstained[to[g]] = abstained[g];
        }
        System.arraycopy(binCount, 0, r.binCount, 0, Calibration.BINS);
        System.arraycopy(binCorrect, 0, r.binCorrect, 0, Calibration.BINS);
        System.arraycopy(binConfidence, 0, r.binConfidence, 0, Calibration.BINS);
        return r;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[Calibration.BINS];
        Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    private void requireSameLabels(TargetTally other) {
        if (!other.labels.equals(labels)) {
            throw new IllegalArgumentException("target '" + target + "': a tally over " + other.labels
                    + " is not over " + labels);
        }
    }

    /** @return the calibration bin of an answered article's confidence, -1 for NaN (not binned) */
    private static int binOf(double confidence) {
        if (Double.isNaN(confidence)) {
            return -1;
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " not in [0, 1]");
        }
        return Calibration.binOf(confidence);
    }

    /**
     * @param gold      index of a gold label
     * @param predicted index of a predicted label
     * @return the articles of that gold label given that label
     * @throws IndexOutOfBoundsException if an index is not a label's
     */
    public long count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    /**
     * @param gold index of a gold label
     * @return its articles the model gave no label
     * @throws IndexOutOfBoundsException if the index is not a label's
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
     * @return its support: its articles, abstentions included
     * @throws IndexOutOfBoundsException if the index is not a label's
     */
    public long support(int gold) {
        long s = abstained[gold];
        for (long c : counts[gold]) {
            s += c;
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

    /** @return the articles in the calibration bins: the answered ones that had a confidence */
    public long calibrated() {
        long s = 0;
        for (long c : binCount) {
            s += c;
        }
        return s;
    }

    long binCount(int bin) {
        return binCount[bin];
    }

    long binCorrect(int bin) {
        return binCorrect[bin];
    }

    /** The bin's sum of confidences, rounded once to the nearest double. */
    double binConfidence(int bin) {
        return binConfidence[bin].doubleValue();
    }
}
