package dev.slant.inference.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.features.BucketIndex;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.protos.core.ModelProto;

class LinearScorerTest {
    private static final double TOLERANCE = 1e-6;
    private static Featurizer featurizer;
    private static List<Article> unseen;
    private static final Map<String, Model<Label>> MODELS = new HashMap<>();

    @BeforeAll
    static void train() {
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        featurizer = Synthetic.featurizer(training);
        unseen = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(80, 2)) {
            unseen.add(a.article());
        }
        unseen.add(Article.of("unknown-words", "qqqq zzzz", "nothing the model has ever seen here"));
        unseen.add(Article.of("empty", "", ""));
        for (String trainer : TinyTrainers.all().keySet()) {
            for (String target : Synthetic.TARGETS.keySet()) {
                MODELS.put(trainer + "/" + target, Synthetic.train(TinyTrainers.all().get(trainer), featurizer, training, target));
            }
        }
    }

    static Stream<Arguments> models() {
        List<Arguments> args = new ArrayList<>();
        for (String trainer : TinyTrainers.all().keySet()) {
            for (String target : Synthetic.TARGETS.keySet()) {
                args.add(Arguments.of(trainer, target));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void scoresEqualTribuosPredictions(String trainer, String target) {
        Model<Label> model = MODELS.get(trainer + "/" + target);
        LinearScorer scorer = TribuoLinearScorers.fromModel(model, Synthetic.SETTINGS.buckets());
        List<String> labels = scorer.labels();
        int compared = 0;
        List<String> abstained = new ArrayList<>();
        for (Article a : unseen) {
            FeatureVector v = featurizer.featurize(a);
            double[] decision = new double[labels.size()];
            int known = scorer.decisionValues(v, decision);
            var example = FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v);
            if (known == 0) {
                abstained.add(a.id());
                assertThrows(IllegalArgumentException.class, () -> model.predict(example), "Tribuo refuses a vector it knows nothing of");
                continue;
            }
            Prediction<Label> p = model.predict(example);
            assertEquals(p.getNumActiveFeatures(), known, a.id() + ": known features");
            double[] ours = scorer.link().tribuoScores(decision);
            Map<String, Label> theirs = p.getOutputScores();
            assertEquals(labels.size(), theirs.size());
            for (int k = 0; k < labels.size(); k++) {
                assertEquals(theirs.get(labels.get(k)).getScore(), ours[k], TOLERANCE, a.id() + " " + labels.get(k));
            }
            assertEquals(p.getOutput().getLabel(), labels.get(argmax(ours)), a.id() + ": predicted label");
            compared++;
        }
        assertTrue(abstained.contains("empty"), "an empty article has no feature the model knows");
        assertEquals(unseen.size(), compared + abstained.size());
        assertTrue(compared >= 80, "every synthetic article shares features with training");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void probabilitiesAreTribuosOrASoftmaxOfTheMargins(String trainer, String target) {
        Model<Label> model = MODELS.get(trainer + "/" + target);
        LinearScorer scorer = TribuoLinearScorers.fromModel(model, Synthetic.SETTINGS.buckets());
        assertEquals(model.generatesProbabilities(), scorer.link().tribuoScoresAreProbabilities());
        FeatureVector v = featurizer.featurize(unseen.get(0));
        double[] decision = new double[scorer.labels().size()];
        scorer.decisionValues(v, decision);
        double[] p = scorer.probabilities(decision);
        double sum = 0;
        for (double x : p) {
            assertTrue(x > 0 && x < 1);
            sum += x;
        }
        assertEquals(1.0, sum, 1e-12);
        if (!model.generatesProbabilities()) {
            double max = Math.max(Math.max(decision[0], decision[1]), decision[decision.length - 1]);
            for (double d : decision) {
                max = Math.max(max, d);
            }
            double z = 0;
            for (double d : decision) {
                z += Math.exp(d - max);
            }
            for (int k = 0; k < decision.length; k++) {
                assertEquals(Math.exp(decision[k] - max) / z, p[k], 1e-15);
            }
        }
    }

    @Test
    void linksFollowTheModelType() {
        assertEquals(ProbabilityLink.ONE_VS_REST_LOGISTIC, scorer("liblinear-lr/stance").link());
        assertEquals(ProbabilityLink.SOFTMAX_OF_MARGINS, scorer("liblinear-svm/stance").link());
        assertEquals(ProbabilityLink.SOFTMAX, scorer("sgd-lr/stance").link());
        assertEquals(ProbabilityLink.SOFTMAX_OF_MARGINS, scorer("sgd-hinge/stance").link());
        assertEquals(ProbabilityLink.SOFTMAX, scorer("naive-bayes/stance").link());
    }

    @Test
    void onlyBucketsTheModelKnowsHaveRows() {
        Model<Label> model = MODELS.get("liblinear-lr/topic");
        LinearScorer scorer = scorer("liblinear-lr/topic");
        assertEquals(model.getFeatureIDMap().size(), scorer.knownBuckets());
        int known = 0;
        for (int b = 0; b < scorer.buckets(); b++) {
            boolean inModel = model.getFeatureIDMap().get(FeatureNames.of(b)) != null;
            assertEquals(inModel, scorer.knows(b), "bucket " + b);
            known += inModel ? 1 : 0;
        }
        assertEquals(scorer.knownBuckets(), known);
        assertTrue(known < scorer.buckets());
        // A bit per bucket and an int per 64 buckets index the known ones (not an int per bucket).
        assertEquals(16 + 8L * 64 + 16 + 4L * 64 + 16 + 8L * known * 4 + 16 + 8 * 4, scorer.arrayBytes());
    }

    @Test
    void sharesAnIndexOfTheSameBucketsAndScoresAlike() {
        LinearScorer scorer = scorer("liblinear-lr/topic");
        BucketIndex same = BucketIndex.of(scorer.buckets(), scorer::knows);
        LinearScorer shared = scorer.sharingIndex(same);
        assertTrue(shared.knownIndex() == same, "the given index of the same buckets is used");
        assertTrue(scorer.knownIndex() != same, "the original scorer keeps its own");
        double[] a = new double[scorer.labels().size()];
        double[] b = new double[a.length];
        for (Article article : unseen) {
            FeatureVector v = featurizer.featurize(article);
            assertEquals(scorer.decisionValues(v, a), shared.decisionValues(v, b));
            assertArrayEquals(a, b, 0.0, article.id());
        }
        BucketIndex fewer = BucketIndex.of(scorer.buckets(), bucket -> scorer.knows(bucket) && bucket % 2 == 0);
        assertTrue(scorer.sharingIndex(fewer) == scorer, "an index of other buckets is not used");
        assertTrue(scorer.sharingIndex(null) == scorer);
        assertTrue(scorer.sharingIndex(BucketIndex.of(scorer.buckets() * 2, k -> k < scorer.buckets() && scorer.knows(k))) == scorer,
                "an index of another bucket count is not used");
    }

    /** A LibLinear model rounded to bfloat16 (as Slant's trainer makes them) is scored from 2-byte weights exactly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("libLinearModels")
    void bfloat16WeightsOfARoundedModelScoreAsTribuoDoes(String key) {
        Model<Label> model = MODELS.get(key);
        @SuppressWarnings("unchecked")
        Model<Label> rounded = (Model<Label>) Model.deserialize(
                LibLinearWeightCompaction.compact(model.serialize(), 1.0, WeightPrecision.BFLOAT16));
        LinearScorer trained = TribuoLinearScorers.fromModel(model, Synthetic.SETTINGS.buckets());
        LinearScorer exact = TribuoLinearScorers.fromModel(rounded, Synthetic.SETTINGS.buckets());
        assertFalse(trained.fitsIn(WeightPrecision.BFLOAT16), "LibLinear's own weights are not bfloat16");
        assertTrue(trained.fitsIn(WeightPrecision.DOUBLE));
        assertTrue(exact.fitsIn(WeightPrecision.BFLOAT16) && exact.fitsIn(WeightPrecision.FLOAT));
        LinearScorer half = exact.withPrecision(WeightPrecision.BFLOAT16);
        assertEquals(WeightPrecision.BFLOAT16, half.precision());
        assertTrue(half.toString().contains("BFLOAT16"), half.toString());
        int n = half.labels().size();
        assertEquals(LinearScorer.arrayBytes(half.buckets(), half.knownBuckets(), n, WeightPrecision.BFLOAT16), half.arrayBytes());
        for (int b : exact.bucketOfRow()) {
            for (int k = 0; k < n; k++) {
                assertEquals(exact.weight(b, k), half.weight(b, k), 0.0);
            }
        }
        int compared = 0;
        for (Article a : unseen) {
            FeatureVector v = featurizer.featurize(a);
            double[] want = new double[n];
            double[] got = new double[n];
            if (exact.decisionValues(v, want) == 0) {
                continue;
            }
            half.decisionValues(v, got);
            assertArrayEquals(want, got, 0.0, a.id());
            Map<String, Label> theirs = rounded.predict(FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v)).getOutputScores();
            double[] ours = half.link().tribuoScores(got);
            for (int k = 0; k < n; k++) {
                assertEquals(theirs.get(half.labels().get(k)).getScore(), ours[k], TOLERANCE, a.id());
            }
            compared++;
        }
        assertTrue(compared >= 80);
        // Back to float or double, nothing is lost.
        assertTrue(half.withPrecision(WeightPrecision.FLOAT).fitsIn(WeightPrecision.BFLOAT16));
        assertEquals(exact.weight(exact.bucketOfRow()[0], 0),
                half.withPrecision(WeightPrecision.DOUBLE).weight(exact.bucketOfRow()[0], 0), 0.0);
    }

    static Stream<String> libLinearModels() {
        return TinyTrainers.all().keySet().stream().filter(t -> t.startsWith("liblinear"))
                .flatMap(t -> Synthetic.TARGETS.keySet().stream().map(target -> t + "/" + target));
    }

    @Test
    void unitLengthOverKnownBucketsScoresTheCutVector() {
        // A model that knows only every other bucket of those the featurizer keeps.
        LinearScorer whole = scorer("liblinear-svm/topic").withPrecision(WeightPrecision.DOUBLE);
        int n = whole.labels().size();
        int[] members = whole.bucketOfRow();
        int[] rowOf = new int[whole.buckets()];
        java.util.Arrays.fill(rowOf, LinearScorer.UNKNOWN);
        double[] halfWeights = new double[(members.length + 1) / 2 * n];
        for (int i = 0, r = 0; i < members.length; i += 2, r++) {
            rowOf[members[i]] = r;
            System.arraycopy(whole.doubleWeights(), i * n, halfWeights, r * n, n);
        }
        LinearScorer plain = new LinearScorer(whole.modelType(), whole.labels(), rowOf, halfWeights, null, whole.bias(),
                whole.link());
        LinearScorer scaled = plain.withKnownUnitLength(true);
        assertTrue(scaled.knownUnitLength() && !plain.knownUnitLength());
        assertTrue(scaled.withKnownUnitLength(true) == scaled);
        int scaledDiffers = 0;
        for (Article a : unseen) {
            FeatureVector full = featurizer.featurize(a);
            // The vector cut down to the known buckets and scaled back to unit length, scored plainly.
            List<Integer> keep = new ArrayList<>();
            double squares = 0;
            for (int i = 0; i < full.size(); i++) {
                if (plain.knows(full.indices()[i])) {
                    keep.add(i);
                    squares += full.values()[i] * full.values()[i];
                }
            }
            int[] idx = new int[keep.size()];
            double[] val = new double[keep.size()];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = full.indices()[keep.get(j)];
                val[j] = full.values()[keep.get(j)] / Math.sqrt(squares);
            }
            double[] expected = new double[n];
            plain.decisionValues(new FeatureVector(idx, val), expected);
            double[] actual = new double[n];
            scaled.decisionValues(full, actual);
            assertArrayEquals(expected, actual, 1e-12, a.id());
            double[] unscaled = new double[n];
            plain.decisionValues(full, unscaled);
            scaledDiffers += java.util.Arrays.equals(unscaled, actual) ? 0 : 1;
            assertEquals(squares > 0 ? 1 / Math.sqrt(squares) : 1.0, scaled.valueScale(full), 1e-15, a.id());
            assertEquals(1.0, plain.valueScale(full));
        }
        assertTrue(scaledDiffers > 0, "the featurizer's vectors hold buckets the model does not know");
        assertTrue(scaled.toString().contains("unit length over known buckets"), scaled.toString());
        assertTrue(scaled.withPrecision(WeightPrecision.DOUBLE).knownUnitLength(), "a precision change keeps it");
    }

    @Test
    void labelsComeInTribuosOutputIdOrder() {
        Model<Label> model = MODELS.get("sgd-lr/topic");
        List<String> expected = new ArrayList<>();
        for (int id = 0; id < model.getOutputIDInfo().size(); id++) {
            expected.add(model.getOutputIDInfo().getOutput(id).getLabel());
        }
        assertEquals(expected, scorer("sgd-lr/topic").labels());
    }

    @Test
    void heapOfA108LabelModelOver2To20Buckets() {
        long index = 16 + 8L * (1 << 14) + 16 + 4L * (1 << 14);
        assertEquals(index + 16 + 8L * (1 << 20) * 108 + 16 + 8 * 108, LinearScorer.arrayBytes(1 << 20, 1 << 20, 108, WeightPrecision.DOUBLE));
        assertEquals(index + 16 + 4L * (1 << 20) * 108 + 16 + 8 * 108, LinearScorer.arrayBytes(1 << 20, 1 << 20, 108, WeightPrecision.FLOAT));
    }

    @Test
    void unsupportedModelTypeIsNamed() {
        ModelProto proto = ModelProto.newBuilder().setClassName("org.tribuo.classification.dtree.TreeModel").setVersion(0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TribuoLinearScorers.fromProto(proto, 16));
        assertEquals("unsupported model type org.tribuo.classification.dtree.TreeModel; supported: " + TribuoLinearScorers.SUPPORTED, e.getMessage());
    }

    @Test
    void bucketsOutsideTheFeaturizerAreRejected() {
        Model<Label> model = MODELS.get("naive-bayes/stance");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TribuoLinearScorers.fromModel(model, 16));
        assertTrue(e.getMessage().contains("is outside the featurizer's 16 buckets"), e.getMessage());
    }

    @Test
    void libLinearBytesAreReadThroughAnAllowList() throws Exception {
        ModelProto real = MODELS.get("liblinear-lr/stance").serialize();
        LibLinearModelProto inner = real.getSerializedData().unpack(LibLinearModelProto.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(List.of("not a model")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        LibLinearModelProto forged = inner.toBuilder().setModels(0, ByteString.copyFrom(bytes.toByteArray())).build();
        ModelProto proto = real.toBuilder().setSerializedData(Any.pack(forged)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TribuoLinearScorers.fromProto(proto, Synthetic.SETTINGS.buckets()));
        assertTrue(e.getMessage().startsWith(TribuoLinearScorers.LIBLINEAR + ": unreadable LibLinear model: java.io.InvalidClassException: filter status: REJECTED"), e.getMessage());
    }

    @Test
    void decisionValuesNeedOneSlotPerLabel() {
        LinearScorer scorer = scorer("sgd-lr/stance");
        assertThrows(IllegalArgumentException.class, () -> scorer.decisionValues(FeatureVector.EMPTY, new double[2]));
        double[] out = new double[3];
        assertEquals(0, scorer.decisionValues(FeatureVector.EMPTY, out));
        assertFalse(out[0] == 0 && out[1] == 0 && out[2] == 0, "an empty vector scores the biases");
        assertArrayEquals(out, out.clone());
    }

    private static LinearScorer scorer(String key) {
        return TribuoLinearScorers.fromModel(MODELS.get(key), Synthetic.SETTINGS.buckets());
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
