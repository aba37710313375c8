package dev.slant.inference.eval;

import java.util.List;

/**
 * For tests of the figures: the model's and the majority baseline's figures on the same outcomes, composed from the
 * package's public API as an evaluation composes them (tally the outcomes, let the baseline answer the same
 * articles, compute the figures of both tallies).
 *
 * @param model           the model's figures
 * @param baselineFigures the baseline's figures on the same articles
 * @param baseline        the baseline's description
 */
record Evaluated(Figures model, Figures baselineFigures, String baseline) {

    static Evaluated of(List<String> labels, boolean ordinal, MajorityBaseline baseline, List<Outcome> outcomes) {
        TargetTally tally = new TargetTally("test", labels);
        outcomes.forEach(tally::add);
        TargetTally answers = baseline.addAnswers(tally, new TargetTally("test", labels));
        return new Evaluated(Figures.of(tally, ordinal), Figures.of(answers, ordinal), baseline.describe());
    }

    static Evaluated of(List<String> labels, boolean ordinal, String majority, List<Outcome> outcomes) {
        return of(labels, ordinal, MajorityBaseline.of(majority), outcomes);
    }
}
