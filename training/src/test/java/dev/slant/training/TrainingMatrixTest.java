package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.datasets.split.Outlets;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.TribuoLinearScorers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.DatasetProvenance;

/**
 * LibLinear's rows laid out straight from the feature table give the very model that training on the Tribuo
 * dataset of the same rows gives: the same LibLinear weights byte for byte, the same feature and label domains
 * (feature statistics included) and the same provenance but for the times.
 */
class TrainingMatrixTest {
    private static final int BUCKETS = 1 << 14;
    private static List<LabelledArticle> articles;
    private static Featurizer fitted;
    private static FeatureTable table;
    private static int[] rows;

    @BeforeAll
    static void featurize() throws Exception {
        articles = new ArrayList<>(new SyntheticCorpus(240, 3).load().articles());
        // Two articles whose every n-gram is too rare to keep: left out of training by both paths.
        for (int i = 0; i < 2; i++) {
            Article odd = new Article("odd" + i, "zzqa" + i, "zzqb" + i + " zzqc" + i,
                    Map.of(Article.HOST, "www.odd" + i + ".com"));
            articles.add(i * 100 + 7, new LabelledArticle(odd, Labels.single(Map.of("stance", "left", "topic", "economy"))));
        }
        List<Article> plain = articles.stream().map(LabelledArticle::article).toList();
        FeaturizerSettings fs = FeaturizerSettings.DEFAULTS.withBuckets(BUCKETS);
        rows = IntStream.range(0, articles.size()).toArray();
        table = FeatureTable.compute(Featurizer.unfitted(fs, Scrubber.NONE), plain, rows, 2, done -> { });
        fitted = table.featurizer().fit(table.rows(rows), plain.stream().map(Outlets::of).toList());
    }

    private static TargetRows target(String name) {
        return TargetRows.of(name, articles, rows);
    }

    @Test
    void pruningInPlaceKeepsTheWeightsThatPruningTheSerializedModelKeeps() throws Exception {
        for (String name : List.of("stance", "topic")) {
            TargetRows train = target(name);
            TrainingMatrix m = TrainingMatrix.of(fitted, table, train.rows(), 2);
            TrainerSettings ts = TrainerSettings.DEFAULTS.withSeed(5);
            Model<Label> viaBytes = WeightPruning.apply(ModelFitter.train(ts, m, train, "synthetic/train", 2).model(), 0.2);
            ModelFitter.Fitted fit = ModelFitter.train(ts, m, train, "synthetic/train", 2);
            ModelFitter.Fitted inPlace = WeightPruning.apply(fit, 0.2);
            assertTrue(inPlace == fit, "pruned in place");
            LinearScorer expected = TribuoLinearScorers.fromModel(viaBytes, BUCKETS);
            assertSameScorer(expected, inPlace.scorer(BUCKETS), name + ": scorer read from memory");
            assertSameScorer(expected, TribuoLinearScorers.fromModel(inPlace.model(), BUCKETS), name + ": the Tribuo model itself");
            long zero = 0;
            long all = 0;
            for (int b = 0; b < BUCKETS; b++) {
                for (int k = 0; expected.knows(b) && k < expected.labels().size(); k++) {
                    all++;
                    zero += expected.weight(b, k) == 0 ? 1 : 0;
                }
            }
            assertTrue(Math.abs(zero - 0.8 * all) <= expected.labels().size() + 2, name + ": " + zero + " of " + all + " zeroed");
        }
    }

    @Test
    void givesTheTribuoDatasetPathsModelWhateverTheThreads() throws Exception {
        TrainerSettings svm = TrainerSettings.DEFAULTS.withSeed(11);
        TrainerSettings logistic = svm.withKind(TrainerKind.LOGISTIC).withCost(3).withBalance(0);
        for (String name : List.of("stance", "topic")) {
            TargetRows train = target(name);
            for (TrainerSettings ts : List.of(svm, logistic)) {
                ModelFitter.Fitted reference = ModelFitter.throughDataset(ts, fitted, table, train, "synthetic/train", 1);
                assertEquals(2, reference.featureless());
                for (int threads : new int[] {1, 2}) {
                    TrainingMatrix m = TrainingMatrix.of(fitted, table, train.rows(), threads);
                    ModelFitter.Fitted fast = ModelFitter.train(ts, m, train, "synthetic/train", threads);
                    String what = name + ", " + ts.describe() + ", " + threads + " threads";
                    assertEquals(reference.featureless(), fast.featureless(), what);
                    assertSameModel(reference.model(), fast.model(), what);
                    assertSameScorer(TribuoLinearScorers.fromModel(reference.model(), BUCKETS), fast.scorer(BUCKETS), what);
                }
            }
        }
    }

    /** Two classes are solved over the compressed rows too: the same model as LibLinear's own two-class path. */
    @Test
    void twoClassesGiveTheTribuoDatasetPathsModel() throws Exception {
        List<LabelledArticle> two = new ArrayList<>();
        for (LabelledArticle a : articles) {
            String stance = a.labels().get("stance").orElseThrow();
            two.add(new LabelledArticle(a.article(), Labels.single(Map.of("stance", stance.equals("left") ? "left" : "other"))));
        }
        TargetRows train = TargetRows.of("stance", two, rows);
        assertEquals(2, train.labels().stream().distinct().count());
        TrainerSettings svm = TrainerSettings.DEFAULTS.withSeed(5);
        for (TrainerSettings ts : List.of(svm, svm.withBalance(0), svm.withCost(10))) {
            ModelFitter.Fitted reference = ModelFitter.throughDataset(ts, fitted, table, train, "synthetic/train", 1);
            ModelFitter.Fitted fast = ModelFitter.train(ts, TrainingMatrix.of(fitted, table, train.rows(), 2), train,
                    "synthetic/train", 2);
            assertSameModel(reference.model(), fast.model(), ts.describe());
            assertSameScorer(TribuoLinearScorers.fromModel(reference.model(), BUCKETS), fast.scorer(BUCKETS), ts.describe());
        }
    }

    @Test
    void oneMatrixServesEveryCostAndTarget() throws Exception {
        TrainingMatrix m = TrainingMatrix.of(fitted, table, rows, 2);
        for (String name : List.of("stance", "topic")) {
            for (double cost : new double[] {0.1, 1.0}) {
                TrainerSettings ts = TrainerSettings.DEFAULTS.withCost(cost);
                assertSameModel(ModelFitter.throughDataset(ts, fitted, table, target(name), "d", 1).model(),
                        ModelFitter.train(ts, m, target(name), "d", 2).model(), name + " C=" + cost);
            }
        }
        TargetRows fewer = TargetRows.of("stance", articles, IntStream.range(0, 100).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFitter.train(TrainerSettings.DEFAULTS, m, fewer, "d", 1));
        assertTrue(e.getMessage().contains("other rows"), e.getMessage());
    }

    @Test
    void outletsPerBucketCountsEachOutletOnceWhereverItsArticlesLie() {
        List<String> outlets = articles.stream().map(a -> Outlets.of(a.article())).toList();
        OutletsPerBucket counted = OutletsPerBucket.of(table, rows, outlets, BUCKETS);
        List<java.util.Set<String>> expected = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            expected.add(new java.util.HashSet<>());
        }
        for (int r : rows) {
            for (int b : table.featurizer().perBucket(table.counts(r)).indices()) {
                expected.get(b).add(outlets.get(r));
            }
        }
        int shared = 0;
        for (int b = 0; b < BUCKETS; b++) {
            assertEquals(expected.get(b).size(), counted.get(b), "bucket " + b);
            shared += expected.get(b).size() > 1 ? 1 : 0;
        }
        assertTrue(shared > 0, "some buckets are used by several outlets (whose articles alternate)");
    }

    @Test
    void aModelsOwnFilterKeepsOnlyTheNgramsOfEnoughOutlets() throws Exception {
        List<String> outlets = articles.stream().map(a -> Outlets.of(a.article())).toList();
        OutletsPerBucket counted = OutletsPerBucket.of(table, rows, outlets, BUCKETS);
        int min = 25;
        TrainerSettings ts = TrainerSettings.DEFAULTS.withSeed(3).withMinOutlets(min);
        TrainingMatrix all = TrainingMatrix.of(fitted, table, rows, 2);
        for (String name : List.of("stance", "topic")) {
            TargetRows train = target(name);
            TrainingMatrix m = TrainingMatrix.of(fitted, table, train.rows(), 2, counted, min);
            ModelFitter.Fitted fit = ModelFitter.train(ts, m, train, "d", 2);
            LinearScorer scorer = fit.scorer(BUCKETS);
            LinearScorer unfiltered = ModelFitter.train(TrainerSettings.DEFAULTS.withSeed(3), all, train, "d", 2).scorer(BUCKETS);
            int known = 0;
            for (int b = 0; b < BUCKETS; b++) {
                boolean kept = unfiltered.knows(b) && counted.get(b) >= min;
                assertEquals(kept, scorer.knows(b), name + ", bucket " + b + " of " + counted.get(b) + " outlets");
                known += kept ? 1 : 0;
            }
            assertTrue(known > 0 && known < unfiltered.knownBuckets(), name + ": " + known + " of "
                    + unfiltered.knownBuckets() + " buckets kept");
            ModelFitter.Fitted reference = ModelFitter.throughDataset(ts, fitted, table, train, "d", 1, counted.atLeast(min));
            assertSameModel(reference.model(), fit.model(), name + ": the Tribuo dataset path with the same filter");
            assertEquals(reference.featureless(), fit.featureless(), name);
            assertTrue(fit.knownUnitLength() && reference.knownUnitLength() && scorer.knownUnitLength(), name);
            // The scorer, given the featurizer's whole vector, scores what Tribuo's model predicts on the vector cut
            // down to the model's buckets and scaled back to unit length.
            int scaled = 0;
            for (int r = 0; r < 40; r++) {
                FeatureVector whole = fitted.weigh(table.counts(train.rows()[r]));
                FeatureVector cut = TrainingMatrix.cut(whole, counted.atLeast(min), true);
                double squares = 0;
                for (double x : cut.values()) {
                    squares += x * x;
                }
                assertEquals(cut.size() == 0 ? 0 : 1, squares, 1e-12, "row " + r + " is of unit length once cut");
                if (cut.size() == 0) {
                    continue;
                }
                scaled += cut.size() < whole.size() ? 1 : 0;
                double[] dv = new double[scorer.labels().size()];
                scorer.decisionValues(whole, dv);
                var scores = fit.model().predict(FeatureNames.example(LabelFactory.UNKNOWN_LABEL, cut)).getOutputScores();
                for (int k = 0; k < dv.length; k++) {
                    assertEquals(scores.get(scorer.labels().get(k)).getScore(), dv[k], 1e-9, name + ", row " + r);
                }
            }
            assertTrue(scaled > 0, name + ": some rows lose buckets to the filter");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelFitter.train(ts, all, train, "d", 1));
            assertTrue(e.getMessage().contains("keeps n-grams of 1+ outlets but the model of target '" + name
                    + "' keeps those of 25+"), e.getMessage());
        }
    }

    /** The scorer read from the LibLinear model in memory is the one read from the reference model's protobuf. */
    private static void assertSameScorer(LinearScorer expected, LinearScorer actual, String what) {
        assertEquals(expected.labels(), actual.labels(), what);
        assertEquals(expected.link(), actual.link(), what);
        assertEquals(expected.knownBuckets(), actual.knownBuckets(), what);
        for (int label = 0; label < expected.labels().size(); label++) {
            assertEquals(expected.bias(label), actual.bias(label), 0.0, what);
            for (int b = 0; b < BUCKETS; b++) {
                assertEquals(expected.knows(b), actual.knows(b), what);
                assertEquals(expected.weight(b, label), actual.weight(b, label), 0.0, what + ", bucket " + b);
            }
        }
    }

    private static void assertSameModel(Model<Label> expected, Model<Label> actual, String what) throws Exception {
        ModelProto e = expected.serialize();
        ModelProto a = actual.serialize();
        assertEquals(e.getClassName(), a.getClassName(), what);
        LibLinearModelProto ep = e.getSerializedData().unpack(LibLinearModelProto.class);
        LibLinearModelProto ap = a.getSerializedData().unpack(LibLinearModelProto.class);
        assertEquals(ep.getModelsList(), ap.getModelsList(), what + ": LibLinear's model, weights included");
        ModelDataProto em = ep.getMetadata();
        ModelDataProto am = ap.getMetadata();
        assertEquals(em.getFeatureDomain(), am.getFeatureDomain(), what + ": feature domain and statistics");
        assertEquals(em.getOutputDomain(), am.getOutputDomain(), what + ": label domain");
        assertEquals(em.getName(), am.getName(), what);
        assertEquals(em.getGenerateProbabilities(), am.getGenerateProbabilities(), what);
        assertEquals(expected.getProvenance().getClassName(), actual.getProvenance().getClassName(), what);
        assertEquals(expected.getProvenance().getTrainerProvenance(), actual.getProvenance().getTrainerProvenance(), what);
        assertEquals(withoutSource(expected.getProvenance().getDatasetProvenance()),
                withoutSource(actual.getProvenance().getDatasetProvenance()), what + ": dataset provenance");
        assertEquals(expected.getProvenance().getDatasetProvenance().getSourceProvenance().getClassName(),
                actual.getProvenance().getDatasetProvenance().getSourceProvenance().getClassName(), what);
    }

    /** The dataset provenance's fields but its data source (which records when it was made). */
    private static Map<String, Provenance> withoutSource(DatasetProvenance p) {
        Map<String, Provenance> fields = new LinkedHashMap<>();
        for (Pair<String, Provenance> f : p) {
            if (!f.getA().equals("datasource")) {
                fields.put(f.getA(), f.getB());
            }
        }
        assertEquals(8, fields.size(), fields.toString());
        return fields;
    }
}
