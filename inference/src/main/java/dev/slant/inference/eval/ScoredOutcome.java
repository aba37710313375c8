package dev.slant.inference.eval;

import dev.slant.inference.Abstention;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.score.LinearScorer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a scored article into an evaluation {@link Outcome}, through the same {@link LinearScorer} path that
 * {@code slant score} uses. An article none of whose features the model knows, or too few of whose n-grams
 * ({@link Abstention}), is an abstention.
 */
public final class ScoredOutcome {
    private ScoredOutcome() {
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
    public static Outcome of(LinearScorer scorer, FeatureVector features, String id, String gold, double[] decision) {
        return of(scorer, features, null, id, gold, decision);
    }

    /**
     * Scores one article's features, abstaining as {@code slant score} does ({@link Abstention}).
     *
     * @param scorer     the target's scorer
     * @param features   the article's weighed features
     * @param articleReason why every target of the article abstains ({@link Abstention#articleReason}), or null
     * @param id         its id
     * @param gold       its gold label
     * @param decision   scratch space, one slot per label
     * @return the outcome
     */
    public static Outcome of(LinearScorer scorer, FeatureVector features, String articleReason, String id, String gold,
                             double[] decision) {
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
        return Abstention.reason(known, articleReason) != null ? Outcome.abstained(id, gold, probs)
                : Outcome.answered(id, gold, labels.get(best), probs);
    }
}
