package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluation of one target on a set of articles: the model's figures and, beside them, the figures of the
 * majority baseline on the same articles, both computed by {@link Figures#of(TargetTally, boolean)} from the
 * articles' tally. Immutable; built by {@link #of}.
 */
public final class TargetEvaluation implements TargetResult {
    private final String target;
    private final List<String> labels;
    private final boolean ordinal;
    private final String baseline;
    private final List<Outcome> outcomes;
    private final List<BaselinePart> baselineParts;
    private final Figures model;
    private final Figures baselineFigures;

    /**
     * A majority baseline and the articles it answers: one per evaluation, one per fold when folds are pooled, so
     * that each fold's articles keep their own fold's baseline.
     *
     * @param majority the baseline
     * @param articles the tally of the articles it answers (never changed once made)
     */
    private record BaselinePart(MajorityBaseline majority, TargetTally articles) {
    }

    private TargetEvaluation(String target, List<String> labels, boolean ordinal, String baseline,
                             List<Outcome> outcomes, TargetTally tally, List<BaselinePart> baselineParts) {
        this.target = target;
        this.labels = labels;
        this.ordinal = ordinal;
        this.baseline = baseline;
        this.outcomes = List.copyOf(outcomes);
        this.baselineParts = List.copyOf(baselineParts);
        TargetTally answers = new TargetTally(target, labels);
        for (BaselinePart part : this.baselineParts) {
            part.majority().addAnswers(part.articles(), answers);
        }
        this.model = Figures.of(tally, ordinal);
        this.baselineFigures = Figures.of(answers, ordinal);
    }

    /**
     * Evaluates a model's outcomes on one target against a majority baseline.
     *
     * @param target   the target's name, for example "stance"; never blank
     * @param labels   the target's labels in their declared order (for an ordinal target, that order): at least
     *                 two, distinct, none blank
     * @param ordinal  whether the label order is meaningful; MAE is computed only then
     * @param baseline the majority baseline, taken from the training labels
     * @param outcomes one outcome per evaluated article, at least one, article ids distinct
     * @return the evaluation
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the target or a label is blank, labels repeat or are fewer than two, there
     *                                  is no outcome, an article id repeats, or a gold, predicted, probability or
     *                                  baseline label is not a declared label (the message names the outcome's
     *                                  position and article id)
     */
    public static TargetEvaluation of(String target, List<String> labels, boolean ordinal, MajorityBaseline baseline,
                                      List<Outcome> outcomes) {
        Objects.requireNonNull(baseline, "baseline");
        TargetTally tally = new TargetTally(target, labels);
        List<String> checkedLabels = tally.labels();
        Objects.requireNonNull(outcomes, "outcomes");
        checkOutcomes(target, checkedLabels, outcomes);
        String where = "target '" + target + "'";
        requireDeclared(where, checkedLabels, "majority baseline label", baseline.label());
        for (String l : baseline.trainingShare().keySet()) {
            requireDeclared(where, checkedLabels, "majority baseline training share label", l);
        }
        for (Outcome o : outcomes) {
            tally.add(o);
        }
        return new TargetEvaluation(target, checkedLabels, ordinal, baseline.describe(), outcomes, tally,
                List.of(new BaselinePart(baseline, tally)));
    }

    /**
     * Evaluates a model's outcomes on one target against a baseline known only by its label (whose calibration is
     * then not measured).
     *
     * @param target        the target's name
     * @param labels        the target's labels in their declared order
     * @param ordinal       whether the label order is meaningful
     * @param majorityLabel the most frequent label of the training articles
     * @param outcomes      one outcome per evaluated article
     * @return the evaluation
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #of(String, List, boolean, MajorityBaseline, List)}
     */
    public static TargetEvaluation of(String target, List<String> labels, boolean ordinal, String majorityLabel,
                                      List<Outcome> outcomes) {
        Objects.requireNonNull(majorityLabel, "majorityLabel");
        return of(target, labels, ordinal, MajorityBaseline.of(majorityLabel), outcomes);
    }

    /**
     * The evaluation of several folds' articles together, each answered by its own fold's baseline. The folds are
     * checked by {@link CrossValidation}.
     *
     * @param folds    the folds' evaluations, of one target
     * @param baseline the pooled baseline's description
     * @return the pooled evaluation
     */
    static TargetEvaluation pooled(List<TargetEvaluation> folds, String baseline) {
        TargetEvaluation first = folds.get(0);
        TargetTally tally = new TargetTally(first.target, first.labels);
        List<Outcome> all = new ArrayList<>();
        List<BaselinePart> parts = new ArrayList<>();
        for (TargetEvaluation f : folds) {
            for (Outcome o : f.outcomes) {
                tally.add(o);
            }
            all.addAll(f.outcomes);
            parts.addAll(f.baselineParts);
        }
        return new TargetEvaluation(first.target, first.labels, first.ordinal, baseline, all, tally, parts);
    }

    private static void checkOutcomes(String target, List<String> labels, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("target '" + target + "': no outcomes to evaluate");
        }
        Map<String, Integer> positionById = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = Objects.requireNonNull(outcomes.get(i), () -> "target '" + target + "': outcome is null");
            String where = "target '" + target + "', outcome " + i + " (article '" + o.articleId() + "')";
            Integer earlier = positionById.putIfAbsent(o.articleId(), i);
            if (earlier != null) {
                throw new IllegalArgumentException(where + ": the same article is outcome " + earlier);
            }
            requireDeclared(where, labels, "gold label", o.gold());
            if (!o.isAbstention()) {
                requireDeclared(where, labels, "predicted label", o.predicted());
            }
            for (String l : o.probabilities().keySet()) {
                requireDeclared(where, labels, "probability label", l);
            }
        }
    }

    private static void requireDeclared(String where, List<String> labels, String what, String label) {
        if (!labels.contains(label)) {
            throw new IllegalArgumentException(where + ": " + what + " '" + label + "' is not one of " + labels);
        }
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public boolean ordinal() {
        return ordinal;
    }

    @Override
    public TargetEvaluation overall() {
        return this;
    }

    /** @return the baseline's description, for example {@code majority 'right'} */
    public String baseline() {
        return baseline;
    }

    /** @return the evaluated outcomes, in the order given */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** @return the model's figures */
    public Figures model() {
        return model;
    }

    /** @return the majority baseline's figures on the same articles */
    public Figures baselineFigures() {
        return baselineFigures;
    }
}
