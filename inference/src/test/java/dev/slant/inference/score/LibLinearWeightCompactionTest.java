package dev.slant.inference.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.protos.core.ModelProto;

class LibLinearWeightCompactionTest {
    private static final int BUCKETS = Synthetic.SETTINGS.buckets();
    private static Featurizer featurizer;
    private static Model<Label> stance;
    private static Model<Label> veracity;

    @BeforeAll
    static void train() {
        List<LabelledArticle> training = Synthetic.articles(200, 1);
        featurizer = Synthetic.featurizer(training);
        stance = Synthetic.train(TinyTrainers.all().get("liblinear-svm"), featurizer, training, "stance");
        veracity = Synthetic.train(TinyTrainers.all().get("liblinear-lr"), featurizer, training, "veracity");
    }

    private static LinearScorer scorer(ModelProto proto) throws IOException {
        return StreamedLibLinearScorer.read(new ByteArrayInputStream(proto.toByteArray()), BUCKETS, WeightPrecision.DOUBLE);
    }

    @Test
    void roundingKeepsEveryWeightToFloatPrecisionAndTribuoAgreesWithTheScorer() throws IOException {
        for (Model<Label> model : List.of(stance, veracity)) {
            LinearScorer before = scorer(model.serialize());
            ModelProto rounded = LibLinearWeightCompaction.compact(model.serialize(), 1.0);
            LinearScorer after = scorer(rounded);
            for (int b = 0; b < BUCKETS; b++) {
                for (int k = 0; before.knows(b) && k < before.labels().size(); k++) {
                    double w = after.weight(b, k);
                    assertEquals((float) w, w, 0.0, "a float value");
                    assertEquals(before.weight(b, k), w, Math.abs(before.weight(b, k)) * 0x1p-24);
                }
            }
            assertAgrees(rounded, after);
        }
    }

    @Test
    void pruningKeepsTheLargestFractionAndTheBias() throws IOException {
        LinearScorer before = scorer(stance.serialize());
        ModelProto pruned = LibLinearWeightCompaction.compact(stance.serialize(), 0.25);
        LinearScorer after = scorer(pruned);
        int total = 0;
        int kept = 0;
        double smallestKept = Double.POSITIVE_INFINITY;
        double largestDropped = 0;
        for (int b = 0; b < BUCKETS; b++) {
            for (int k = 0; before.knows(b) && k < before.labels().size(); k++) {
                total++;
                if (after.weight(b, k) != 0) {
                    kept++;
                    smallestKept = Math.min(smallestKept, Math.abs(before.weight(b, k)));
                } else {
                    largestDropped = Math.max(largestDropped, Math.abs(before.weight(b, k)));
                }
            }
        }
        assertTrue(Math.abs(kept - total / 4.0) <= before.labels().size() + 2, kept + " of " + total + " kept");
        assertTrue(largestDropped <= smallestKept, largestDropped + " dropped, " + smallestKept + " kept");
        for (int k = 0; k < before.labels().size(); k++) {
            assertEquals(before.bias(k), after.bias(k), Math.abs(before.bias(k)) * 0x1p-24, "bias is never pruned");
        }
        assertAgrees(pruned, after);
    }

    @Test
    void otherModelsAndBadFractions() {
        Model<Label> sgd = Synthetic.train(TinyTrainers.all().get("sgd-lr"), featurizer, Synthetic.articles(60, 3), "stance");
        ModelProto proto = sgd.serialize();
        assertSame(proto, LibLinearWeightCompaction.compact(proto, 0.5));
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> LibLinearWeightCompaction.compact(stance.serialize(), bad));
            assertThrows(IllegalArgumentException.class, () -> LibLinearWeightCompaction.prune(new double[4], 4, bad));
        }
        assertThrows(IllegalArgumentException.class, () -> LibLinearWeightCompaction.prune(new double[4], 5, 0.5));
        double[] w = {0.5, -3, 0.1, 2, 9};
        LibLinearWeightCompaction.prune(w, 4, 0.5);
        assertEquals(List.of(0.0, -3.0, 0.0, 2.0, 9.0), java.util.Arrays.stream(w).boxed().toList(), "the bias weight is never pruned");
    }

    /** Tribuo's predict on the compacted model equals the scorer streamed from it, to 1e-6. */
    private static void assertAgrees(ModelProto proto, LinearScorer scorer) {
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) Model.deserialize(proto);
        int compared = 0;
        for (LabelledArticle a : Synthetic.articles(20, 2)) {
            Article article = a.article();
            FeatureVector v = featurizer.featurize(article);
            double[] decision = new double[scorer.labels().size()];
            if (scorer.decisionValues(v, decision) == 0) {
                continue;
            }
            Prediction<Label> p = model.predict(FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v));
            double[] ours = scorer.link().tribuoScores(decision);
            for (int k = 0; k < ours.length; k++) {
                assertEquals(p.getOutputScores().get(scorer.labels().get(k)).getScore(), ours[k], 1e-6);
            }
            compared++;
        }
        assertTrue(compared > 10);
    }
}
