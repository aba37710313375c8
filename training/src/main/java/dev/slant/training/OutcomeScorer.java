package dev.slant.training;

import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.Abstention;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.eval.ScoredOutcome;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.LinearScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores labelled articles through the same {@link LinearScorer} path that {@code slant score} uses, and turns each
 * into an evaluation {@link Outcome}. An article abstains as {@code slant score} makes it ({@link Abstention}).
 */
public final class OutcomeScorer {
    private OutcomeScorer() {
    }

    /**
     * @param scorer     the target's scorer
     * @param featurizer the fitted featurizer
     * @param table      the term counts
     * @param rows       the rows to score, with their gold labels
     * @param articles   every article, by corpus position (their ids, and their text for {@link Abstention})
     * @return one outcome per row, in row order
     */
    public static List<Outcome> score(LinearScorer scorer, Featurizer featurizer, FeatureTable table, TargetRows rows,
                                      List<LabelledArticle> articles) {
        double[] decision = new double[scorer.labels().size()];
        Abstention abstention = Abstention.of(featurizer);
        int[] r = rows.rows();
        List<Outcome> out = new ArrayList<>(r.length);
        for (int i = 0; i < r.length; i++) {
            FeatureVector counts = table.counts(r[i]);
            LabelledArticle a = articles.get(r[i]);
            String reason = abstention.articleReason(featurizer.knownShare(counts), Abstention.markupShare(a.article()));
            out.add(ScoredOutcome.of(scorer, featurizer.weigh(counts), reason, a.id(), rows.labels().get(i), decision));
        }
        return out;
    }
}
