package dev.slant.training;

import dev.slant.inference.eval.Outcome;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.LinearScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            out.add(outcome(scorer, featurizer.weigh(table.counts(r[i])), ids.get(r[i]), rows.labels().get(i), decision));
        }
        return out;
    }

    /**
     * Scores one article's features.
     *
     * @param scorer   the target's scorer
     * @param features the article's weighed features
     * @param id       its id
     * @param gold     its gold label
     * @param decision scratch space, one slot per label
     * @return the outcome
     */
    public static Outcome outcome(LinearScorer scorer, FeatureVector features, String id, String gold, double[] decision) {
        List<String> labels = scorer.labels();
        int known = scorer.decisionValues(features, decision);
        double[] p = scorer.probabilities(decision);
        Map<String, Double> probs = new LinkedHashMap<>();
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            probs.put(labels.get(k), p[k]);
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return known == 0 ? Outcome.abstained(id, gold, probs) : Outcome.answered(id, gold, labels.get(best), probs);
    }
}
