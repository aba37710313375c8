package dev.slant.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

class SlantClassifierTest {
    static Featurizer featurizer;
    static Map<String, Model<Label>> models;
    static SlantClassifier slant;
    static LoadedBundle bundle;
    static List<Article> unseen;

    @BeforeAll
    static void trainAndLoad(@TempDir Path dir) throws BundleException {
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        featurizer = Synthetic.featurizer(training);
        models = new LinkedHashMap<>();
        models.put("stance", Synthetic.train(TinyTrainers.all().get("sgd-lr"), featurizer, training, "stance"));
        models.put("topic", Synthetic.train(TinyTrainers.all().get("naive-bayes"), featurizer, training, "topic"));
        models.put("veracity", Synthetic.train(TinyTrainers.all().get("liblinear-lr"), featurizer, training, "veracity"));
        Path file = dir.resolve("slant.slant");
        new BundleWriter().write(file, new BundleContents(featurizer, models, 1L, "0".repeat(64), 300, 0,
                JsonNodeFactory.instance.objectNode(), "card", BundleContents.DEFAULT_PRECISION));
        slant = SlantClassifier.load(file);
        bundle = BundleReader.read(file);
        unseen = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(200, 3)) {
            unseen.add(a.article());
        }
    }

    @Test
    void exposesTargetsLabelsManifestAndFeaturizer() {
        assertEquals(List.of("stance", "topic", "veracity"), slant.targets());
        for (String t : slant.targets()) {
            List<String> expected = new ArrayList<>();
            for (int id = 0; id < models.get(t).getOutputIDInfo().size(); id++) {
                expected.add(models.get(t).getOutputIDInfo().getOutput(id).getLabel());
            }
            assertEquals(expected, slant.labels(t));
        }
        assertEquals(featurizer.settings(), slant.featurizer().settings());
        assertEquals(300, slant.manifest().rowsUsed());
        assertEquals("SlantClassifier[stance, topic, veracity]", slant.toString());
    }

    @Test
    void predictionsAreTribuos() {
        for (Article a : unseen.subList(0, 50)) {
            var prediction = slant.classify(a);
            assertEquals(a.id(), prediction.articleId());
            FeatureVector v = featurizer.featurize(a);
            for (String t : slant.targets()) {
                Prediction<Label> theirs = models.get(t).predict(FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v));
                TargetPrediction ours = prediction.target(t);
                assertEquals(theirs.getOutput().getLabel(), ours.label(), a.id() + " " + t);
                assertEquals(theirs.getOutput().getScore(), ours.probability(), 1e-6);
                for (Map.Entry<String, Label> e : theirs.getOutputScores().entrySet()) {
                    assertEquals(e.getValue().getScore(), ours.probabilities().get(e.getKey()), 1e-6);
                }
                assertEquals(theirs.getNumActiveFeatures(), ours.knownFeatures());
                assertEquals(v.size(), ours.features());
            }
        }
    }

    @Test
    void anArticleWithoutFeaturesAbstains() {
        var p = slant.classify(Article.of("blank", "", "  ...  "));
        for (String t : slant.targets()) {
            TargetPrediction tp = p.target(t);
            assertTrue(tp.abstained());
            assertNull(tp.label());
            assertTrue(Double.isNaN(tp.probability()));
            assertEquals(Map.of(), tp.probabilities());
            assertEquals(0, tp.knownFeatures());
            assertEquals(0, tp.features());
            assertTrue(tp.labelIfAny().isEmpty());
        }
    }

    @Test
    void anArticleWhoseFeaturesAreAllUnknownAbstains() {
        int unknown = 0;
        while (models.get("stance").getFeatureIDMap().get(FeatureNames.of(unknown)) != null
                || models.get("topic").getFeatureIDMap().get(FeatureNames.of(unknown)) != null
                || models.get("veracity").getFeatureIDMap().get(FeatureNames.of(unknown)) != null) {
            unknown++;
        }
        var p = slant.classifyFeatures("odd", new FeatureVector(new int[] {unknown}, new double[] {1.0}));
        for (TargetPrediction tp : p.targets()) {
            assertEquals(TargetPrediction.abstain(tp.target(), 1), tp);
        }
    }

    @Test
    void classifyAllKeepsInputOrderOnSeveralThreads() {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < unseen.size(); i++) {
            batch.add(unseen.get(i));
            if (i % 37 == 0) {
                batch.add(Article.of("blank-" + i, "", ""));
            }
        }
        List<dev.slant.inference.Prediction> expected = new ArrayList<>();
        for (Article a : batch) {
            expected.add(slant.classify(a));
        }
        assertEquals(expected, slant.classifyAll(batch, 3));
        assertEquals(expected, slant.classifyAll(batch, 1));
        assertEquals(expected, slant.classifyAll(batch));
        assertEquals(List.of(), slant.classifyAll(List.of(), 4));
        assertThrows(IllegalArgumentException.class, () -> slant.classifyAll(batch, 0));
    }

    @Test
    void aFailingWorkerStopsTheBatchWithItsError() {
        Featurizer f = bundle.featurizer();
        Featurizer failing = Featurizer.fitted(f.settings(), f.idf(), a -> {
            if (a.id().equals("boom")) {
                throw new IllegalStateException("scrubber failed on boom");
            }
            return a;
        });
        SlantClassifier broken = SlantClassifier.of(new LoadedBundle(bundle.file(), bundle.manifest(), failing,
                bundle.scorers(), bundle.modelCard(), bundle.provenance()));
        List<Article> batch = new ArrayList<>(unseen);
        batch.add(150, Article.of("boom", "t", "x"));
        assertEquals("scrubber failed on boom",
                assertThrows(IllegalStateException.class, () -> broken.classifyAll(batch, 3)).getMessage());
    }

    @Test
    void predictionRecordsAreValidated() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("left", 0.2);
        p.put("right", 0.8);
        assertEquals("target stance: left is more probable than the label right",
                assertThrows(IllegalArgumentException.class, () -> new TargetPrediction("stance", "right", 0.2, Map.of("left", 0.8, "right", 0.2), 3, 5)).getMessage());
        assertEquals("target stance: probabilities sum to 1.3",
                assertThrows(IllegalArgumentException.class, () -> new TargetPrediction("stance", "right", 0.8, Map.of("left", 0.5, "right", 0.8), 3, 5)).getMessage());
        assertEquals("target stance: a label without a known feature",
                assertThrows(IllegalArgumentException.class, () -> new TargetPrediction("stance", "right", 0.8, p, 0, 5)).getMessage());
        assertEquals("target stance: an abstention has no label and no probabilities",
                assertThrows(IllegalArgumentException.class, () -> new TargetPrediction("stance", null, 0.8, Map.of(), 0, 5)).getMessage());
        assertEquals("target stance: an abstention, and only an abstention, has a reason",
                assertThrows(IllegalArgumentException.class, () -> new TargetPrediction("stance", "right", 0.8, p, 3, 5, 0.9, "why")).getMessage());
        assertEquals("target stance: known features 6 of 5 is out of range",
                assertThrows(IllegalArgumentException.class, () -> new TargetPrediction("stance", "right", 0.8, p, 6, 5)).getMessage());
        TargetPrediction ok = new TargetPrediction("stance", "right", 0.8, p, 3, 5);
        assertEquals("article a: target stance appears twice",
                assertThrows(IllegalArgumentException.class, () -> new dev.slant.inference.Prediction("a", List.of(ok, ok))).getMessage());
        assertEquals("no target 'topic'; predicted targets are [stance]",
                assertThrows(IllegalArgumentException.class, () -> new dev.slant.inference.Prediction("a", List.of(ok)).target("topic")).getMessage());
    }
}
