package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.datasets.split.Outlets;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.score.LinearScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutletPrototypesTest {
    @Test
    void pairsHoldingTheShareBecomeClassesAndTheRestStayTheirLabel() {
        // 10 articles, share 0.3: a pair needs 3.
        List<String> labels = List.of("left", "left", "left", "left", "right", "right", "right", "right", "center", "center");
        List<String> outlets = List.of("a", "a", "a", "b", "c", "c", "c", "c", "d", "d");
        OutletPrototypes.Assignment a = OutletPrototypes.assign(labels, outlets, 0.3);
        String la = "left" + OutletPrototypes.JOIN + "a";
        String rc = "right" + OutletPrototypes.JOIN + "c";
        assertEquals(List.of(la, la, la, "left", rc, rc, rc, rc, "center", "center"), a.classes());
        assertEquals(Map.of(la, "left", "left", "left", rc, "right", "center", "center"), a.labelOf());
        assertNull(OutletPrototypes.assign(labels, outlets, 0.45), "no pair holds 5 of 10 articles");
    }

    @Test
    void aPairIsCountedByLabelNotByOutletAlone() {
        List<String> labels = List.of("left", "left", "right", "right", "center", "center");
        List<String> outlets = List.of("a", "a", "a", "a", "b", "c");
        OutletPrototypes.Assignment a = OutletPrototypes.assign(labels, outlets, 0.3);
        assertEquals(List.of("left @ a", "left @ a", "right @ a", "right @ a", "center", "center"), a.classes());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutletPrototypes.assign(List.of("a"), List.of(), 0.1));
        assertThrows(IllegalArgumentException.class, () -> OutletPrototypes.assign(List.of("a"), List.of("o"), 0));
        assertThrows(IllegalArgumentException.class, () -> OutletPrototypes.assign(List.of("a"), List.of("o"), 1));
        // A label that is itself another label's class name cannot be told apart from it.
        assertThrows(IllegalStateException.class, () -> OutletPrototypes.assign(
                List.of("x", "x", "x @ o", "y"), List.of("o", "o", "p", "q"), 0.5));
    }

    /**
     * The model trained on prototypes is a model over the labels whose every weight and bias is the mean of the
     * weights of its label's classes in the model trained on the classes themselves (up to the bfloat16 rounding of
     * the mean), and it differs from the model trained on the labels.
     */
    @Test
    void eachLabelsWeightsAreTheMeanOfItsClassesWeights() throws Exception {
        // Outlets 0 to 2 (one of each stance) keep their 10 articles each; the other 27 keep 4 each.
        List<LabelledArticle> all = new SyntheticCorpus(300, 3).load().articles();
        List<LabelledArticle> articles = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 30 < 3 || i / 30 < 4) {
                articles.add(all.get(i));
            }
        }
        int buckets = 1 << 14;
        int[] rows = IntStream.range(0, articles.size()).toArray();
        var plain = articles.stream().map(LabelledArticle::article).toList();
        FeatureTable table = FeatureTable.compute(Featurizer.unfitted(FeaturizerSettings.DEFAULTS.withBuckets(buckets)
                .withMinOutlets(1), Scrubber.NONE), plain, rows, 2, done -> { });
        List<String> outletList = plain.stream().map(Outlets::of).toList();
        Featurizer fitted = table.featurizer().fit(table.rows(rows), outletList);
        TargetRows train = TargetRows.of("stance", articles, rows);
        TrainingMatrix m = TrainingMatrix.of(fitted, table, train.rows(), 2);
        // No temperature: it would multiply the mean by a factor.
        TrainerSettings ts = TrainerSettings.DEFAULTS.withSeed(7).withTemperatureFolds(0);
        double share = 0.07;
        List<String> outlets = java.util.Arrays.stream(train.rows()).mapToObj(outletList::get).toList();
        OutletPrototypes.Assignment a = OutletPrototypes.assign(train.labels(), outlets, share);
        org.junit.jupiter.api.Assertions.assertNotNull(a, "three outlets hold 10 of 138 articles each");

        LinearScorer pooled = ModelFitter.train(ts.withPrototypeShare(share), m, train, "d", 2, outletList::get)
                .scorer(buckets);
        LinearScorer byClass = ModelFitter.train(ts.withPrototypeShare(0),
                m, new TargetRows("classes", train.rows(), a.classes(), 0), "d", 2).scorer(buckets);
        LinearScorer plainModel = ModelFitter.train(ts.withPrototypeShare(0), m, train, "d", 2).scorer(buckets);
        assertEquals(List.copyOf(plainModel.labels()), List.copyOf(pooled.labels()));
        int differ = 0;
        for (int l = 0; l < pooled.labels().size(); l++) {
            String label = pooled.labels().get(l);
            for (int bucket = 0; bucket < buckets; bucket++) {
                int b = bucket;
                double mean = meanOverClasses(byClass, a, label, c -> byClass.weight(b, c));
                assertEquals(mean, pooled.weight(bucket, l), Math.abs(mean) / 128 + 1e-30, "bucket " + bucket + " " + label);
                if (pooled.weight(bucket, l) != plainModel.weight(bucket, l)) {
                    differ++;
                }
            }
            double bias = meanOverClasses(byClass, a, label, byClass::bias);
            assertEquals(bias, pooled.bias(l), Math.abs(bias) / 128 + 1e-30, "bias of " + label);
        }
        assertEquals(6, byClass.labels().size(), "three outlets' classes and three labels' rest");
        assertEquals(true, differ > 0, "the prototypes changed the model");
    }

    /** The mean of a value over the classes of one label in the model trained on the classes. */
    private static double meanOverClasses(LinearScorer byClass, OutletPrototypes.Assignment a, String label,
                                          java.util.function.IntToDoubleFunction value) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < byClass.labels().size(); c++) {
            if (a.labelOf().get(byClass.labels().get(c)).equals(label)) {
                sum += value.applyAsDouble(c);
                n++;
            }
        }
        return sum / n;
    }
}
