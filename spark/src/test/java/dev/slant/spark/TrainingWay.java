package dev.slant.spark;

import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.eval.EvaluationLabels;
import dev.slant.inference.eval.EvaluationSection;
import dev.slant.inference.eval.Figures;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.eval.PlainText;
import dev.slant.inference.eval.TargetTally;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What training prints for a model's outcomes on one target, composed from the inference eval code the way the
 * training module composes it ({@code EvaluateCommand}, {@code TargetEvaluation.of} and its plain-text report;
 * spark does not depend on training): the labels {@link EvaluationLabels} chooses from the declared, known and
 * gold labels, every outcome added one at a time to a tally over them, the majority baseline answering the same
 * articles, and the figures of both laid out by {@link EvaluationSection}. Nothing here goes through Spark or a
 * class of the spark module, so the Spark job can be compared with it.
 *
 * @param labels the labels evaluated over, in order
 * @param model  the model's figures
 * @param block  the printed block
 */
record TrainingWay(List<String> labels, Figures model, String block) {

    /**
     * @param target   the target
     * @param declared its declared labels in order
     * @param known    the labels the model knows
     * @param ordinal  whether the target is declared ordinal (MAE is computed on its declared scale only)
     * @param baseline the training majority baseline
     * @param outcomes the model's outcomes, one per evaluated article
     * @return what training computes
     */
    static TrainingWay of(String target, List<String> declared, Collection<String> known, boolean ordinal,
                          MajorityBaseline baseline, List<Outcome> outcomes) {
        List<String> labels = EvaluationLabels.of(declared, known, outcomes.stream().map(Outcome::gold).toList());
        ordinal = EvaluationLabels.ordinal(declared, ordinal, labels);
        TargetTally tally = new TargetTally(target, labels);
        outcomes.forEach(tally::add);
        TargetTally answers = baseline.addAnswers(tally, new TargetTally(target, labels));
        Figures model = Figures.of(tally, ordinal);
        String block = PlainText.render(List.of(EvaluationSection.of(target, ordinal, baseline.describe(), model,
                Figures.of(answers, ordinal))));
        return new TrainingWay(labels, model, block);
    }

    /**
     * @param real     the bundle
     * @param target   a target of it
     * @param articles the evaluated articles
     * @param gold     each article's gold label, in the same order
     * @return what the library's classifier says of each, as an outcome
     */
    static List<Outcome> outcomes(RealBundle real, String target, List<LabelledArticle> articles, List<String> gold) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            LabelledArticle a = articles.get(i);
            TargetPrediction t = real.expected(a.article()).target(target);
            outcomes.add(t.abstained() ? Outcome.abstained(a.id(), gold.get(i), t.probabilities())
                    : Outcome.answered(a.id(), gold.get(i), t.label(), t.probabilities()));
        }
        return outcomes;
    }
}
