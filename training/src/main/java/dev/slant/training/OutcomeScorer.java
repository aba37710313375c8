package dev.slant.training;

import dev.slant.inference.eval.Outcome;
import dev.slant.inference.eval.ScoredOutcome;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.LinearScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores labelled articles through the same {@link LinearScorer} path that {@code slant score} uses, and turns each
 * into an evaluation {@link Outcome}. An article none of whose features the model knows is an abstention.
 */
public final class OutcomeScorer {
    private OutcomeScorer() {
    }

    /**
     * @param scorer     the target's scorer
     * @param featurizer the fitted featurizer
     * @param table      the term counts
     * @param rows       the rows to score, with their gold labels
     * @param ids        every article's id, by corpus position
     * @return one outcome per row, in row order
     */
    public static List<Outcome> score(LinearScorer scorer, Featurizer featurizer, FeatureTable table, TargetRows rows,
                                      List<String> ids) {
        double[] decision = new double[scorer.labels().size()];
        int[] r = rows.rows();
        List<Outcome> out = new ArrayList<>(r.length);
        for (int i = 0; i < r.length; i++) {
            out.add(ScoredOutcome.of(scorer, featurizer.weigh(table.counts(r[i])), ids.get(r[i]), rows.labels().get(i),
                    decision));
        }
        return out;
    }
}
