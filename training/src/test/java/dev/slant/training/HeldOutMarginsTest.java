package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.datasets.split.Outlets;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.score.LinearScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * Held-out decision values and the temperature fitted on them, on a corpus where only the outlet tells the label:
 * each of 30 outlets writes its own made-up word in every article and otherwise the same random words, and its
 * articles all carry its label.
 */
class HeldOutMarginsTest {
    private static final List<String> STANCES = List.of("left", "center", "right");
    private static final int BUCKETS = 1 << 14;

    private final List<LabelledArticle> articles = new ArrayList<>();
    private final List<String> outlets;
    private final TrainingMatrix matrix;
    private final TargetRows rows;

    HeldOutMarginsTest() throws InterruptedException {
        Random random = new Random(5);
        String[] words = {"senate", "house", "bill", "vote", "today", "said", "week", "policy", "state", "report"};
        for (int i = 0; i < 300; i++) {
            int outlet = i % 30;
            StringBuilder text = new StringBuilder(mark(outlet)).append(' ').append(mark(outlet));
            for (int w = 0; w < 40; w++) {
                text.append(' ').append(words[random.nextInt(words.length)]);
            }
            Article a = new Article("a" + i, "Title", text.toString(), Map.of(Article.HOST, "www." + mark(outlet) + ".com"));
            articles.add(new LabelledArticle(a, Labels.single(Map.of("stance", STANCES.get(outlet % 3)))));
        }
        int[] all = IntStream.range(0, articles.size()).toArray();
        List<Article> plain = articles.stream().map(LabelledArticle::article).toList();
        outlets = plain.stream().map(Outlets::of).toList();
        FeatureTable table = FeatureTable.compute(Featurizer.unfitted(FeaturizerSettings.DEFAULTS.withBuckets(BUCKETS)
                .withMinOutlets(1).withScrub(false), Scrubber.NONE), plain, all, 2, done -> { });
        Featurizer fitted = table.featurizer().fit(table.rows(all), outlets);
        rows = TargetRows.of("stance", articles, all);
        matrix = TrainingMatrix.of(fitted, table, rows.rows(), 2);
    }

    /** A made-up word of letters only for an outlet: "zqaa", "zqab", ... */
    private static String mark(int outlet) {
        return "zq" + (char) ('a' + outlet / 26) + (char) ('a' + outlet % 26);
    }

    private static final TrainerSettings SETTINGS = TrainerSettings.DEFAULTS.withSeed(3).withPrototypeShare(0)
            .forLabels(3);

    @Test
    void eachArticleIsScoredByAModelThatNeverSawItsOutlet() {
        ModelFitter.Fitted inSample = ModelFitter.fit(SETTINGS, matrix, rows, "d", 2, outlets::get);
        ImmutableOutputInfo<Label> ids = inSample.model().getOutputIDInfo();
        HeldOutMargins.Result held = HeldOutMargins.of(SETTINGS, matrix, rows, ids, "d", 2, outlets::get, 5);
        assertNotNull(held);
        assertEquals(300, held.margins().length);
        // The in-sample model's decision values of the same rows, in the same label order.
        DualCoordinateDescent.Rows x = matrix.problem();
        double[] w = ParallelLibLinearTrainer.weights(inSample.libLinear());
        int[] label = inSample.libLinear().getLabels();
        double[][] own = new double[300][];
        for (int k = 0; k < 300; k++) {
            double[] z = new double[3];
            for (int e = x.start()[k]; e < x.start()[k + 1]; e++) {
                for (int c = 0; c < 3; c++) {
                    z[label[c]] += w[x.column()[e] * 3 + c] * x.value()[e];
                }
            }
            own[k] = z;
        }
        // The outlet's word gives the label away to a model that trained on it, and to no other.
        assertTrue(accuracy(own, held.labels()) > 0.95, "in sample " + accuracy(own, held.labels()));
        assertTrue(accuracy(held.margins(), held.labels()) < 0.6, "held out " + accuracy(held.margins(), held.labels()));
    }

    @Test
    void tooFewOutletsForTheFoldsGiveNoValues() {
        ModelFitter.Fitted inSample = ModelFitter.fit(SETTINGS, matrix, rows, "d", 2, outlets::get);
        assertNull(HeldOutMargins.of(SETTINGS, matrix, rows, inSample.model().getOutputIDInfo(), "d", 2, outlets::get, 31));
    }

    /**
     * With a temperature, every weight is the model's without one times the factor fitted on the held-out values
     * (up to bfloat16 rounding), the factor is in the provenance, and the labels the model gives stay.
     */
    @Test
    void theTemperatureMultipliesEveryWeightByTheFactorFittedOnHeldOutValues() {
        ModelFitter.Fitted without = ModelFitter.train(SETTINGS.withTemperatureFolds(0), matrix, rows, "d", 2, outlets::get);
        ModelFitter.Fitted with = ModelFitter.train(SETTINGS.withTemperatureFolds(5), matrix, rows, "d", 2, outlets::get);
        HeldOutMargins.Result held = HeldOutMargins.of(SETTINGS, matrix, rows, without.model().getOutputIDInfo(), "d",
                2, outlets::get, 5);
        double factor = Temperature.fit(held.margins(), held.labels());
        assertTrue(factor < 0.5, "margins that do not carry to new outlets are flattened, got " + factor);
        assertEquals(String.valueOf(factor), with.model().getProvenance().getInstanceProvenance()
                .getMap().get(ModelFitter.TEMPERATURE_FACTOR).toString());
        LinearScorer a = without.scorer(BUCKETS);
        LinearScorer b = with.scorer(BUCKETS);
        assertEquals(a.labels(), b.labels());
        int nonZero = 0;
        for (int l = 0; l < 3; l++) {
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                double expected = factor * a.weight(bucket, l);
                assertEquals(expected, b.weight(bucket, l), Math.abs(expected) / 128 + 1e-30, "bucket " + bucket);
                nonZero += expected != 0 ? 1 : 0;
            }
            assertEquals(factor * a.bias(l), b.bias(l), Math.abs(factor * a.bias(l)) / 128 + 1e-30);
        }
        assertTrue(nonZero > 0);
    }

    private static double accuracy(double[][] z, int[] y) {
        int right = 0;
        for (int i = 0; i < z.length; i++) {
            int best = 0;
            for (int k = 1; k < z[i].length; k++) {
                if (z[i][k] > z[i][best]) {
                    best = k;
                }
            }
            right += best == y[i] ? 1 : 0;
        }
        return right / (double) z.length;
    }
}
