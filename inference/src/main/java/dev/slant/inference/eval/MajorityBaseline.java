package dev.slant.inference.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The majority-class baseline: always predict the label most frequent among the training articles.
 *
 * @param label         the training majority label; never blank
 * @param trainingShare share of each label among the training articles, in label order, or empty where only the
 *                      label is known; when given, the baseline offers it as its probabilities, so its calibration
 *                      is measured too
 */
public record MajorityBaseline(String label, Map<String, Double> trainingShare) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the label is blank, or the shares are given and the label is not the
     *                                  (or a tied) most frequent one, or the shares are not probabilities
     */
    public MajorityBaseline {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(trainingShare, "trainingShare");
        if (label.isBlank()) {
            throw new IllegalArgumentException("majority label is blank");
        }
        trainingShare = Probabilities.checked("majority baseline '" + label + "' training share", trainingShare);
        if (!trainingShare.isEmpty()) {
            double own = trainingShare.getOrDefault(label, 0.0);
            for (Map.Entry<String, Double> e : trainingShare.entrySet()) {
                if (e.getValue() > own) {
                    throw new IllegalArgumentException("majority label '" + label + "' has training share " + own
                            + " but '" + e.getKey() + "' has " + e.getValue());
                }
            }
        }
    }

    /**
     * A baseline from its label alone (its calibration is then not measured).
     *
     * @param label the training majority label
     * @return the baseline
     * @throws IllegalArgumentException if the label is blank
     */
    public static MajorityBaseline of(String label) {
        return new MajorityBaseline(label, Map.of());
    }

    /**
     * The baseline of a training set: its most frequent label (a tie goes to the label declared first) and the
     * share of each label.
     *
     * @param labels         the target's labels in their declared order
     * @param trainingLabels the gold label of each training article
     * @return the baseline
     * @throws IllegalArgumentException if there are no training labels or one is not a declared label
     */
    public static MajorityBaseline fromTrainingLabels(List<String> labels, List<String> trainingLabels) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(trainingLabels, "trainingLabels");
        if (trainingLabels.isEmpty()) {
            throw new IllegalArgumentException("no training labels to take the majority of");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.put(l, 0));
        for (int i = 0; i < trainingLabels.size(); i++) {
            String l = trainingLabels.get(i);
            if (!counts.containsKey(l)) {
                throw new IllegalArgumentException("training label " + i + " is '" + l + "', not one of " + labels);
            }
            counts.merge(l, 1, Integer::sum);
        }
        String majority = null;
        int best = -1;
        Map<String, Double> share = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                majority = e.getKey();
            }
            share.put(e.getKey(), (double) e.getValue() / trainingLabels.size());
        }
        return new MajorityBaseline(majority, share);
    }

    /**
     * The probability this baseline gives its label, which its calibration measures.
     *
     * @return its label's training share, empty where only the label is known
     */
    public OptionalDouble confidence() {
        return trainingShare.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(trainingShare.getOrDefault(label, 0.0));
    }

    /**
     * Counts what this baseline answers on evaluated articles: every one of them given this baseline's label, at
     * its {@link #confidence()}.
     *
     * @param evaluated the evaluated articles, as the model's tally counts them
     * @param baseline  the baseline's tally, over the same labels: a new one, or one that already holds the answers
     *                  of other folds' baselines
     * @return the baseline's tally
     * @throws NullPointerException     if a tally is null
     * @throws IllegalArgumentException if the tallies' labels differ or this baseline's label is not one of them
     */
    public TargetTally addAnswers(TargetTally evaluated, TargetTally baseline) {
        int index = baseline.labels().indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("target '" + baseline.target() + "': majority baseline label '" + label
                    + "' is not one of " + baseline.labels());
        }
        return baseline.addAllAnswered(evaluated, index, confidence().orElse(Double.NaN));
    }

    /** @return a short description for reports, for example {@code majority 'right'} */
    public String describe() {
        return "majority '" + label + "'";
    }
}
