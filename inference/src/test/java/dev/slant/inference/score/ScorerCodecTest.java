package dev.slant.inference.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;

class ScorerCodecTest {
    static Featurizer featurizer;
    static List<LabelledArticle> articles;
    static Map<String, Model<Label>> models;

    @BeforeAll
    static void train() {
        articles = Synthetic.articles(200, 4);
        featurizer = Synthetic.featurizer(articles);
        models = Map.of(
                "liblinear-svm", Synthetic.train(TinyTrainers.all().get("liblinear-svm"), featurizer, articles, "veracity"),
                "naive-bayes", Synthetic.train(TinyTrainers.all().get("naive-bayes"), featurizer, articles, "topic"));
    }

    static byte[] encode(LinearScorer s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScorerCodec.write(s, out);
        return out.toByteArray();
    }

    @Test
    void roundTripScoresBitForBitAtBothPrecisions() throws IOException {
        for (Model<Label> m : models.values()) {
            LinearScorer exact = TribuoLinearScorers.fromModel(m, Synthetic.SETTINGS.buckets());
            for (WeightPrecision p : WeightPrecision.values()) {
                LinearScorer s = exact.withPrecision(p);
                LinearScorer back = ScorerCodec.read(new ByteArrayInputStream(encode(s)), Synthetic.SETTINGS.buckets());
                assertEquals(s.toString(), back.toString());
                assertEquals(s.labels(), back.labels());
                for (int b = 0; b < s.buckets(); b++) {
                    assertEquals(s.knows(b), back.knows(b));
                }
                for (LabelledArticle a : articles.subList(0, 30)) {
                    FeatureVector v = featurizer.featurize(a.article());
                    double[] x = new double[s.labels().size()];
                    double[] y = new double[x.length];
                    assertEquals(s.decisionValues(v, x), back.decisionValues(v, y));
                    assertArrayEquals(x, y);
                }
            }
        }
    }

    @Test
    void headerReadsClassAndLabelsWithoutBuildingTheModel() throws IOException {
        for (Model<Label> m : models.values()) {
            TribuoModelHeader h = TribuoModelHeader.read(new ByteArrayInputStream(m.serialize().toByteArray()));
            assertEquals(m.getClass().getName(), h.className());
            assertEquals(TribuoLinearScorers.fromModel(m, Synthetic.SETTINGS.buckets()).labels(), h.labels());
        }
    }

    @Test
    void malformedEncodingsAreNamed() throws IOException {
        byte[] ok = encode(TribuoLinearScorers.fromModel(models.get("naive-bayes"), Synthetic.SETTINGS.buckets()));
        assertEquals("scorer has 4096 buckets, the featurizer settings have 8192",
                assertThrows(IllegalArgumentException.class, () -> ScorerCodec.read(new ByteArrayInputStream(ok), 8192)).getMessage());
        assertEquals("scorer encoding ends early",
                assertThrows(IllegalArgumentException.class, () -> ScorerCodec.read(new ByteArrayInputStream(Arrays.copyOf(ok, ok.length - 1)), 4096)).getMessage());
        byte[] bad = ok.clone();
        bad[1] = 0;
        assertEquals("not a scorer encoding (bad magic)",
                assertThrows(IllegalArgumentException.class, () -> ScorerCodec.read(new ByteArrayInputStream(bad), 4096)).getMessage());
    }
}
