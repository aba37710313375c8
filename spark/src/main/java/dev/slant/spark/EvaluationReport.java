package dev.slant.spark;

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
 * training majority with its share, or, in a bundle that stores none, the majority of the evaluated rows.
 */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    /**
     * @param setup the target's label order, ordinality and baseline
     * @param model the model's tally, in any label order over the same labels
     * @return the block, lines ending in {@code \n}
     * @throws IllegalArgumentException if nothing was evaluated or the labels differ
     */
    public static String render(TargetSetup setup, TargetTally model) {
        TargetTally m = model.reordered(setup.labels());
        if (m.articles() == 0) {
            throw new IllegalArgumentException("target '" + setup.target() + "': no rows to evaluate");
        }
        boolean ownMajority = setup.baselineLabel() == null;
        int majority = ownMajority ? majorityOf(m) : m.labels().indexOf(setup.baselineLabel());
        TargetTally baseline = new TargetTally(m.target(), m.labels())
                .addAllAnswered(m, majority, setup.baselineShare().orElse(Double.NaN));
        ReportSection section = EvaluationSection.of(setup.target(), setup.ordinal(),
                MajorityBaseline.of(m.labels().get(majority)).describe(), Figures.of(m, setup.ordinal()),
                Figures.of(baseline, setup.ordinal()));
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
