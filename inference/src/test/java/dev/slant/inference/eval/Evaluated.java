package dev.slant.inference.eval;

import java.util.List;

/**
 * For tests of the figures: the model's and the majority baseline's figures on the same outcomes, composed from the
 * package's public API as an evaluation composes them.
 *
 * @param model           the model's figures
 * @param baselineFigures the baseline's figures on the same articles
 * @param baseline        the baseline's description
 */
record Evaluated(Figures model, Figures baselineFigures, String baseline) {

    static Evaluated of(List<String> labels, boolean ordinal, MajorityBaseline baseline, List<Outcome> outcomes) {
        return new Evaluated(Figures.of(labels, ordinal, outcomes),
                Figures.of(labels, ordinal, outcomes.stream().map(baseline::outcomeFor).toList()), baseline.describe());
    }

    static Evaluated of(List<String> labels, boolean ordinal, String majority, List<Outcome> outcomes) {
        return of(labels, ordinal, MajorityBaseline.of(majority), outcomes);
    }
}
