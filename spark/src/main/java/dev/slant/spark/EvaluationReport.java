package dev.slant.spark;

import dev.slant.inference.eval.EvaluationLabels;
import dev.slant.inference.eval.EvaluationSection;
import dev.slant.inference.eval.Figures;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.PlainText;
import dev.slant.inference.eval.ReportSection;
import dev.slant.inference.eval.TargetTally;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a target's tally as {@code slant evaluate} prints it, through the same figures and layout
 * ({@link dev.slant.inference.eval}): the model beside the majority baseline, the per-class figures, the confusion
 * matrix and the notes. What is Spark's own is taken from the bundle ({@link TargetSetup}): the label order and the
 * training majority with its share, or, in a bundle that stores none, the majority of the evaluated rows. A gold
 * label the model never saw is one of the labels, with its support and recall 0, as in {@code slant evaluate}.
 */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    /**
     * @param setup the target's label order, ordinality and baseline; its labels are those the model knows
     * @param model the model's tally, over the setup's labels in any order and any gold labels the model never saw;
     *              those join the labels as {@link EvaluationLabels} orders them, as {@code slant evaluate} does
     * @return the block, lines ending in {@code \n}
     * @throws IllegalArgumentException if nothing was evaluated or the tally lacks one of the setup's labels
     */
    public static String render(TargetSetup setup, TargetTally model) {
        TargetTally m = model.reordered(EvaluationLabels.of(setup.labels(), setup.labels(), model.labels()));
        if (m.articles() == 0) {
            throw new IllegalArgumentException("target '" + setup.target() + "': no rows to evaluate");
        }
        boolean ownMajority = setup.baselineLabel() == null;
        int majority = ownMajority ? majorityOf(m) : m.labels().indexOf(setup.baselineLabel());
        TargetTally baseline = new TargetTally(m.target(), m.labels())
                .addAllAnswered(m, majority, setup.baselineShare().orElse(Double.NaN));
        boolean ordinal = EvaluationLabels.ordinal(setup.labels(), setup.ordinal(), m.labels());
        ReportSection section = EvaluationSection.of(setup.target(), ordinal,
                MajorityBaseline.of(m.labels().get(majority)).describe(), Figures.of(m, ordinal), Figures.of(baseline, ordinal));
        if (ownMajority) {
            List<String> notes = new ArrayList<>(section.notes());
            notes.add("The bundle stores no training majority: the baseline is the majority of the evaluated rows.");
            section = new ReportSection(section.heading(), section.tables(), notes);
        }
        return PlainText.render(List.of(section));
    }

    /** @return the index of the label with the most evaluated rows, the first of those tied */
    private static int majorityOf(TargetTally m) {
        int best = 0;
        for (int i = 1; i < m.labels().size(); i++) {
            if (m.support(i) > m.support(best)) {
                best = i;
            }
        }
        return best;
    }
}
