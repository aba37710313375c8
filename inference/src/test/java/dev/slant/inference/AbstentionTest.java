package dev.slant.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.json.PredictionJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;

class AbstentionTest {
    static Featurizer featurizer;
    static SlantClassifier slant;

    @BeforeAll
    static void trainAndLoad(@TempDir Path dir) throws Exception {
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        featurizer = Synthetic.featurizer(training);
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        models.put("stance", Synthetic.train(TinyTrainers.all().get("liblinear-lr"), featurizer, training, "stance"));
        Path file = dir.resolve("slant.slant");
        new BundleWriter().write(file, new BundleContents(featurizer, models, 1L, "0".repeat(64), 300, 0,
                JsonNodeFactory.instance.objectNode(), "card", BundleContents.DEFAULT_PRECISION));
        slant = SlantClassifier.load(file);
    }

    /** Words of the synthetic corpus in an order it never used, and in another script. */
    private static String chinese() {
        StringBuilder sb = new StringBuilder();
        String[] clauses = {"国务院总理主持召开国务院常务会议", "部署进一步扩大内需", "促进经济稳定增长的措施", "会议指出",
            "当前经济运行总体平稳", "但外部环境依然复杂严峻", "美国总统周二在白宫发表讲话", "呼吁国会尽快通过新的税收法案"};
        for (int i = 0; i < 40; i++) {
            sb.append(clauses[i % clauses.length]).append(i % 3 == 0 ? "。" : "，");
        }
        return sb.toString();
    }

    @Test
    void theChanceShareIsTheShareOfBucketsTheVocabularyKeeps() {
        Abstention a = slant.abstention();
        assertEquals((double) featurizer.keptBuckets().size() / featurizer.settings().buckets(), a.chance(), 1e-12);
        assertEquals(a.chance() + Abstention.MIN_SHARE_ABOVE_CHANCE * (1 - a.chance()), a.minKnownShare(), 1e-12);
        assertEquals(0.0, Abstention.NONE.minKnownShare());
    }

    @Test
    void textInAnotherScriptAbstainsWithItsReasonWhileTheCorpusIsLabelled() {
        TargetPrediction zh = slant.classify(Article.of("zh", "", chinese())).target("stance");
        assertTrue(zh.abstained(), "known share " + zh.knownShare() + ", minimum " + slant.abstention().minKnownShare());
        assertTrue(zh.abstention().startsWith("known n-gram share"), zh.abstention());
        for (LabelledArticle a : Synthetic.articles(50, 9)) {
            TargetPrediction t = slant.classify(a.article()).target("stance");
            assertFalse(t.abstained(), a.id() + " " + t.abstention());
            assertNull(t.abstention());
            assertTrue(t.knownShare() >= slant.abstention().minKnownShare());
        }
    }

    @Test
    void markupAbstainsEvenWhenItsWordsAreKnown() {
        Article known = Synthetic.articles(1, 4).get(0).article();
        String words = known.text();
        String html = "<div class=\"a\"><span id=\"b\">" + words.replace(" ", "</span> <span>") + "</span></div>";
        assertTrue(Abstention.markupShare(Article.of("h", "", html)) > Abstention.MAX_MARKUP_SHARE);
        TargetPrediction t = slant.classify(Article.of("h", known.title(), html)).target("stance");
        assertTrue(t.abstained());
        assertTrue(t.abstention().startsWith("markup"), t.abstention());
        assertEquals(t.abstention(), PredictionJson.toJson(slant.classify(Article.of("h", known.title(), html)), false)
                .get("stance").get("abstention").textValue());
    }

    @Test
    void markupShareCountsMarkupAmongVisibleCharacters() {
        assertEquals(0.0, Abstention.markupShare(Article.of("a", "", "   ")));
        assertEquals(2.0 / 6, Abstention.markupShare(Article.of("a", "x=y", " a | b ")), 1e-12);
        assertEquals(0.0, Abstention.markupShare(Article.of("a", "Senate", "The \"bill\" passed: 52-48 [sic].")));
    }

    @Test
    void theKnownShareFromTermCountsIsTheOnePassShare() {
        for (LabelledArticle a : Synthetic.articles(30, 5)) {
            Featurizer.Featurized f = featurizer.featurizeCounted(a.article());
            FeatureVector counts = featurizer.termCounts(a.article());
            assertEquals(f.knownShare(), featurizer.knownShare(counts), 1e-12, a.id());
            assertEquals(featurizer.featurize(a.article()), f.vector());
        }
        Featurizer.Featurized zh = featurizer.featurizeCounted(Article.of("zh", "", chinese()));
        assertEquals(zh.knownShare(), featurizer.knownShare(featurizer.termCounts(Article.of("zh", "", chinese()))), 1e-12);
        assertTrue(zh.ngrams() > 50, "n-grams " + zh.ngrams());
    }
}
