package dev.slant.inference.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

class StreamedLibLinearScorerTest {
    private static final int BUCKETS = Synthetic.SETTINGS.buckets();
    private static Featurizer featurizer;
    private static List<Article> unseen;
    private static final Map<String, Model<Label>> MODELS = new LinkedHashMap<>();

    @BeforeAll
    static void train() {
        List<LabelledArticle> training = Synthetic.articles(200, 1);
        featurizer = Synthetic.featurizer(training);
        unseen = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(30, 2)) {
            unseen.add(a.article());
        }
        var trainers = new LinkedHashMap<>(Map.of(
                "liblinear-lr", TinyTrainers.all().get("liblinear-lr"),
                "liblinear-svm", TinyTrainers.all().get("liblinear-svm"),
                // Crammer-Singer keeps one weight vector per label even for two labels.
                "liblinear-mcsvm", new LibLinearClassificationTrainer(
                        new LinearClassificationType(LinearClassificationType.LinearType.MCSVM_CS), 1.0, 1000, 0.1, TinyTrainers.SEED)));
        for (var t : trainers.entrySet()) {
            for (String target : Synthetic.TARGETS.keySet()) {
                MODELS.put(t.getKey() + "/" + target, Synthetic.train(t.getValue(), featurizer, training, target));
            }
        }
    }

    static Stream<Arguments> models() {
        return MODELS.keySet().stream().map(Arguments::of);
    }

    private static LinearScorer streamed(Model<Label> model, WeightPrecision precision) throws IOException {
        return StreamedLibLinearScorer.read(new ByteArrayInputStream(model.serialize().toByteArray()), BUCKETS, precision);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void equalsTheScorerOfTheParsedModel(String name) throws IOException {
        Model<Label> model = MODELS.get(name);
        LinearScorer expected = TribuoLinearScorers.fromModel(model, BUCKETS);
        for (WeightPrecision precision : WeightPrecision.values()) {
            LinearScorer want = expected.withPrecision(precision);
            LinearScorer got = streamed(model, precision);
            assertEquals(want.modelType(), got.modelType());
            assertEquals(want.labels(), got.labels());
            assertEquals(want.link(), got.link());
            assertEquals(precision, got.precision());
            assertEquals(want.knownBuckets(), got.knownBuckets());
            for (int k = 0; k < want.labels().size(); k++) {
                assertEquals(want.bias(k), got.bias(k), 0.0, "bias of " + want.labels().get(k));
            }
            for (int b = 0; b < BUCKETS; b++) {
                assertEquals(want.knows(b), got.knows(b), "bucket " + b);
                for (int k = 0; want.knows(b) && k < want.labels().size(); k++) {
                    assertEquals(want.weight(b, k), got.weight(b, k), 0.0, "bucket " + b + " label " + k);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void scoresEqualTribuosPredictions(String name) throws IOException {
        Model<Label> model = MODELS.get(name);
        LinearScorer scorer = streamed(model, WeightPrecision.DOUBLE);
        List<String> labels = scorer.labels();
        int compared = 0;
        for (Article a : unseen) {
            FeatureVector v = featurizer.featurize(a);
            double[] decision = new double[labels.size()];
            if (scorer.decisionValues(v, decision) == 0) {
                continue;
            }
            Prediction<Label> p = model.predict(FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v));
            double[] ours = scorer.link().tribuoScores(decision);
            for (int k = 0; k < labels.size(); k++) {
                assertEquals(p.getOutputScores().get(labels.get(k)).getScore(), ours[k], 1e-6, a.id() + " " + labels.get(k));
            }
            compared++;
        }
        assertTrue(compared >= 25, "most synthetic articles share features with training: " + compared);
    }

    @Test
    void refusesOtherModelTypes() {
        Model<Label> sgd = Synthetic.train(TinyTrainers.all().get("sgd-lr"), featurizer, Synthetic.articles(60, 3), "stance");
        var e = assertThrows(IllegalArgumentException.class, () -> streamed(sgd, WeightPrecision.DOUBLE));
        assertTrue(e.getMessage().contains("LinearSGDModel"), e.getMessage());
    }

    @Test
    void truncatedModelsFailWithAReason() {
        byte[] whole = MODELS.get("liblinear-lr/topic").serialize().toByteArray();
        for (double cut : new double[] {0.001, 0.2, 0.5, 0.8, 0.95, 0.999}) {
            byte[] part = Arrays.copyOf(whole, (int) (whole.length * cut));
            Exception e = assertThrows(Exception.class,
                    () -> StreamedLibLinearScorer.read(new ByteArrayInputStream(part), BUCKETS, WeightPrecision.DOUBLE), "cut at " + cut);
            assertTrue(e instanceof IOException || e instanceof IllegalArgumentException, "cut at " + cut + ": " + e);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "cut at " + cut + ": " + e);
        }
    }

    @Test
    void corruptSerializedWeightsFailWithAReason() throws IOException {
        byte[] bytes = MODELS.get("liblinear-svm/stance").serialize().toByteArray();
        int magic = indexOf(bytes, new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        assertTrue(magic > 0, "the LibLinear model is Java-serialized inside the protobuf");
        byte[] badMagic = bytes.clone();
        badMagic[magic] = 0x12;
        var e = assertThrows(IllegalArgumentException.class,
                () -> StreamedLibLinearScorer.read(new ByteArrayInputStream(badMagic), BUCKETS, WeightPrecision.DOUBLE));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
        byte[] otherClass = bytes.clone();
        int at = indexOf(otherClass, "de.bwaldvogel.liblinear.Model".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        otherClass[at] = 'x';
        e = assertThrows(IllegalArgumentException.class,
                () -> StreamedLibLinearScorer.read(new ByteArrayInputStream(otherClass), BUCKETS, WeightPrecision.DOUBLE));
        assertTrue(e.getMessage().contains("xe.bwaldvogel.liblinear.Model"), e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
