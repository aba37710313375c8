package dev.slant.inference.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.scrub.ScrubRules;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import dev.slant.inference.score.LibLinearWeightCompaction;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.ScorerCodec;
import dev.slant.inference.score.TribuoLinearScorers;
import dev.slant.inference.score.WeightPrecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class BundleTest {
    static final String DATA_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    static Featurizer featurizer;
    static Map<String, Model<Label>> models;
    static List<Article> unseen;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        Featurizer fitted = Synthetic.featurizer(training);
        // Scrubbing on, with rules, so that scrubber.json round-trips something.
        featurizer = Featurizer.fitted(fitted.settings(), fitted.idf(), Scrubber.of(new ScrubRules(true, List.of("Reuters"), false, List.of("Click here"), List.of("Media playback is unsupported on your device"), List.of())));
        models = new LinkedHashMap<>();
        models.put("stance", Synthetic.train(TinyTrainers.all().get("liblinear-lr"), featurizer, training, "stance"));
        models.put("topic", Synthetic.train(TinyTrainers.all().get("sgd-lr"), featurizer, training, "topic"));
        models.put("veracity", Synthetic.train(TinyTrainers.all().get("liblinear-svm"), featurizer, training, "veracity"));
        unseen = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(40, 2)) {
            unseen.add(a.article());
        }
        unseen.add(Article.of("clicky", "Click here", "Click here to read more about shaab"));
    }

    static BundleContents contents(Map<String, Model<Label>> m) {
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        metrics.putObject("validation").put("macroF1", 0.75).put("accuracy", 0.8);
        metrics.putObject("test").put("macroF1", 0.7);
        return new BundleContents(featurizer, m, 7L, DATA_SHA, 300, 2, metrics, "# Tiny model\n\nFor tests only.\n",
                BundleContents.DEFAULT_PRECISION);
    }

    Path written() throws BundleException {
        Path file = dir.resolve("models").resolve("x.slant");
        new BundleWriter(CLOCK).write(file, contents(models));
        return file;
    }

    @Test
    void roundTripKeepsManifestFeaturizerAndScores() throws Exception {
        Path file = written();
        LoadedBundle b = BundleReader.read(file);
        Manifest m = b.manifest();
        assertEquals(BundleFormat.FORMAT_VERSION, m.formatVersion());
        assertEquals("2026-01-02T03:04:05Z", m.created());
        assertEquals(List.of("stance", "topic", "veracity"), m.targetNames());
        assertEquals(TribuoLinearScorers.LIBLINEAR, m.target("stance").modelType());
        assertEquals("org.tribuo.classification.liblinear.LibLinearClassificationTrainer", m.target("stance").trainer());
        assertEquals("LinearClassificationType(type=L2R_LR)", m.target("stance").trainerSettings().get("trainerType"));
        assertEquals("AdaGrad(epsilon=0.1, initialLearningRate=1.0, initialValue=0.0)", m.target("topic").trainerSettings().get("optimiser"));
        assertEquals("LinearClassificationType(type=L2R_L2LOSS_SVC_DUAL)", m.target("veracity").trainerSettings().get("trainerType"));
        assertEquals(TribuoLinearScorers.LINEAR_SGD, m.target("topic").modelType());
        // LibLinear weights are written as floats, so their scorers hold floats (exactly, as checked below); others keep the asked precision.
        assertEquals(WeightPrecision.FLOAT, m.target("stance").precision());
        assertEquals(WeightPrecision.FLOAT, b.scorers().get("veracity").precision());
        assertEquals(BundleContents.DEFAULT_PRECISION, m.target("topic").precision());
        assertEquals(featurizer.settings(), m.featurizer());
        assertEquals(7L, m.seed());
        assertEquals(DATA_SHA, m.trainingDataSha256());
        assertEquals(300, m.rowsUsed());
        assertEquals(2, m.rowsRejected());
        assertEquals(0.75, m.metrics().get("validation").get("macroF1").asDouble());
        assertEquals(List.of("MODEL_CARD.md", "featurizer/idf.bin", "models/stance.pb", "models/topic.pb", "models/veracity.pb",
                "provenance/stance.json", "provenance/topic.json", "provenance/veracity.json",
                "scorers/topic.bin", "scrubber.json"),
                new ArrayList<>(m.entries().keySet()));
        assertEquals("# Tiny model\n\nFor tests only.\n", b.modelCard());
        assertTrue(b.provenance().get("topic").contains("org.tribuo.classification.sgd.linear.LogisticRegressionTrainer"));

        assertArrayEquals(featurizer.idf(), b.featurizer().idf());
        assertEquals(((Scrubber) featurizer.scrubber()).rules(), ((Scrubber) b.featurizer().scrubber()).rules());
        for (Article a : unseen) {
            FeatureVector before = featurizer.featurize(a);
            FeatureVector after = b.featurizer().featurize(a);
            assertEquals(before, after, a.id());
        }
        for (Map.Entry<String, Model<Label>> e : models.entrySet()) {
            // The bundle stores LibLinear weights rounded to float: equal to the stored model, within 1e-6 of the trained one.
            LinearScorer trained = TribuoLinearScorers.fromModel(e.getValue(), featurizer.settings().buckets());
            LinearScorer original = TribuoLinearScorers.fromProto(
                    LibLinearWeightCompaction.compact(e.getValue().serialize(), 1.0), featurizer.settings().buckets());
            LinearScorer loaded = b.scorers().get(e.getKey());
            assertEquals(original.labels(), loaded.labels());
            assertEquals(original.labels(), m.target(e.getKey()).labels());
            for (Article a : unseen) {
                FeatureVector v = b.featurizer().featurize(a);
                double[] x = new double[original.labels().size()];
                double[] y = new double[x.length];
                assertEquals(original.decisionValues(v, x), loaded.decisionValues(v, y));
                assertArrayEquals(x, y, e.getKey() + " " + a.id());
                trained.decisionValues(v, x);
                assertArrayEquals(x, y, 1e-6, e.getKey() + " " + a.id() + " against the trained model");
            }
        }
    }

    @Test
    void readModelGivesBackTribuosModel() throws Exception {
        Path file = written();
        Model<Label> back = BundleReader.readModel(file, "stance");
        FeatureVector v = featurizer.featurize(unseen.get(0));
        var ex = FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v);
        @SuppressWarnings("unchecked")
        Model<Label> stored = (Model<Label>) Model.deserialize(LibLinearWeightCompaction.compact(models.get("stance").serialize(), 1.0));
        assertEquals(stored.predict(ex).getOutputScores().toString(), back.predict(ex).getOutputScores().toString());
        models.get("stance").predict(ex).getOutputScores().forEach((label, score) ->
                assertEquals(score.getScore(), back.predict(ex).getOutputScores().get(label).getScore(), 1e-6, label));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.readModel(file, "mood"));
        assertEquals(file + ": no target 'mood'; the bundle has [stance, topic, veracity]", e.getMessage());
    }

    @Test
    void sameContentGivesSameBytes() throws Exception {
        Path a = dir.resolve("a.slant");
        Path b = dir.resolve("b.slant");
        new BundleWriter(CLOCK).write(a, contents(models));
        new BundleWriter(CLOCK).write(b, contents(models));
        assertEquals(-1L, Files.mismatch(a, b));
        Path c = dir.resolve("c.slant");
        new BundleWriter(Clock.offset(CLOCK, java.time.Duration.ofHours(1))).write(c, contents(models));
        assertNotEquals(-1L, Files.mismatch(a, c));
        Map<String, byte[]> ea = entries(a);
        Map<String, byte[]> ec = entries(c);
        assertEquals(ea.keySet(), ec.keySet());
        for (String name : ea.keySet()) {
            if (!name.equals(BundleFormat.MANIFEST)) {
                assertArrayEquals(ea.get(name), ec.get(name), name);
            }
        }
        String ma = new String(ea.get(BundleFormat.MANIFEST), StandardCharsets.UTF_8);
        String mc = new String(ec.get(BundleFormat.MANIFEST), StandardCharsets.UTF_8);
        assertEquals(ma.replace("2026-01-02T03:04:05Z", "2026-01-02T04:04:05Z"), mc);
    }

    @Test
    void entriesHaveFixedOrderAndTime() throws Exception {
        Path file = written();
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(e -> {
                names.add(e.getName());
                assertEquals(BundleFormat.ENTRY_TIME, e.getTimeLocal(), e.getName());
            });
        }
        // LibLinear models (stance, veracity) have no scorer entry: their scorers are streamed from the model entry.
        assertEquals(List.of("MODEL_CARD.md", "scrubber.json", "featurizer/idf.bin", "models/stance.pb",
                "models/topic.pb", "scorers/topic.bin", "models/veracity.pb", "provenance/stance.json", "provenance/topic.json", "provenance/veracity.json", "manifest.json"), names);
    }

    @Test
    void failedWriteLeavesNoFile() throws Exception {
        Path target = dir.resolve("busy.slant");
        Files.createDirectories(target.resolve("occupied"));
        BundleException e = assertThrows(BundleException.class, () -> new BundleWriter(CLOCK).write(target, contents(models)));
        assertTrue(e.getMessage().startsWith(target + ": cannot write bundle: "), e.getMessage());
        assertTrue(Files.isDirectory(target.resolve("occupied")), "the existing path is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aModelTheScorerCannotReadIsNotWritten() {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("words",
                java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"), new LabelFactory()), new LabelFactory());
        data.add(new ArrayExample<>(new Label("a"), new String[] {"word:x"}, new double[] {1}));
        data.add(new ArrayExample<>(new Label("b"), new String[] {"word:y"}, new double[] {1}));
        Model<Label> wordModel = TinyTrainers.all().get("naive-bayes").train(data);
        Path file = dir.resolve("words.slant");
        BundleException e = assertThrows(BundleException.class, () -> new BundleWriter(CLOCK).write(file, contents(Map.of("stance", wordModel))));
        assertEquals(file + ": cannot write: model of target stance: not a bucket feature name: 'word:x'", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("none.slant");
        assertEquals(file + ": no such file", assertThrows(BundleException.class, () -> BundleReader.read(file)).getMessage());
    }

    @Test
    void foreignFileIsNotABundle() throws Exception {
        Path file = dir.resolve("notes.slant");
        Files.writeString(file, "id,title\n1,hello\n");
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": not a Slant bundle: not a zip file", e.getMessage());
        Path empty = dir.resolve("empty.slant");
        Files.write(empty, new byte[0]);
        assertEquals(empty + ": not a Slant bundle: not a zip file", assertThrows(BundleException.class, () -> BundleReader.read(empty)).getMessage());
    }

    @Test
    void zipWithoutManifestIsNotABundle() throws Exception {
        Path file = dir.resolve("x.slant");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": not a Slant bundle: no manifest.json", e.getMessage());
        assertEquals("not a Slant bundle: no manifest.json", e.problem());
        assertEquals(file, e.file());
    }

    @Test
    void truncatedFile() throws Exception {
        Path file = written();
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": truncated or damaged zip file: "), e.getMessage());
        assertTrue(e.getCause() instanceof java.util.zip.ZipException);
    }

    @Test
    void corruptEntryIsNamed() throws Exception {
        Path file = written();
        byte[] tampered = "# Someone else's model\n".getBytes(StandardCharsets.UTF_8);
        rewrite(file, entries -> entries.put(BundleFormat.MODEL_CARD, tampered));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": entry MODEL_CARD.md is corrupt: its SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", the manifest says " + BundleReader.readManifest(file).entries().get(BundleFormat.MODEL_CARD)));
    }

    @Test
    void damagedCompressedBytesAreReported() throws Exception {
        Path file = written();
        byte[] all = Files.readAllBytes(file);
        long offset;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            offset = zip.getEntry("models/stance.pb").getCompressedSize();
        }
        // Flip bytes inside the first model's compressed data: find it after its local header.
        int at = indexOf(all, "models/stance.pb".getBytes(StandardCharsets.UTF_8)) + 16 + (int) (offset / 2);
        for (int i = 0; i < 8; i++) {
            all[at + i] ^= (byte) 0x5A;
        }
        Files.write(file, all);
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": entry models/stance.pb "), e.getMessage());
    }

    @Test
    void newerMajorVersionIsRefusedNamingBothVersions() throws Exception {
        Path file = written();
        editManifest(file, m -> m.put("formatVersion", "3.0").put("someFutureField", 1));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": bundle format 3.0 is newer than this build of Slant reads (formats 1.x to 2.x); use a newer Slant", e.getMessage());
    }

    @Test
    void olderMajorVersionIsRefusedSayingToRetrain() throws Exception {
        Path file = written();
        editManifest(file, m -> m.put("formatVersion", "0.9"));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": bundle format 0.9 is older than this build of Slant reads (formats 1.x to 2.x); retrain it with slant train", e.getMessage());
    }

    @Test
    void formatOneBundlesWithEveryScorerInItsOwnEntryStillLoad() throws Exception {
        Path file = written();
        LoadedBundle current = BundleReader.read(file);
        Map<String, byte[]> scorers = new LinkedHashMap<>();
        for (String target : List.of("stance", "veracity")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ScorerCodec.write(current.scorers().get(target), out);
            scorers.put("scorers/" + target + ".bin", out.toByteArray());
        }
        rewrite(file, entries -> entries.putAll(scorers));
        editManifest(file, m -> {
            m.put("formatVersion", "1.0");
            scorers.forEach((name, bytes) -> ((ObjectNode) m.get("entries")).put(name, sha(bytes)));
        });
        LoadedBundle old = BundleReader.read(file);
        assertEquals("1.0", old.manifest().formatVersion());
        for (Article a : unseen) {
            FeatureVector v = old.featurizer().featurize(a);
            for (String target : List.of("stance", "veracity")) {
                double[] want = new double[current.scorers().get(target).labels().size()];
                double[] got = new double[want.length];
                current.scorers().get(target).decisionValues(v, want);
                old.scorers().get(target).decisionValues(v, got);
                assertArrayEquals(want, got, 0.0, a.id() + " " + target);
            }
        }
        // Without those entries a format 1 manifest is incomplete.
        editManifest(file, m -> ((ObjectNode) m.get("entries")).remove("scorers/stance.bin"));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertTrue(e.getMessage().contains("scorers/stance.bin is missing from the manifest's entries"), e.getMessage());
    }

    @Test
    void aTruncatedLibLinearModelWithAMatchingHashIsNamed() throws Exception {
        Path file = written();
        byte[] whole = entries(file).get("models/stance.pb");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 100);
        rewrite(file, entries -> entries.put("models/stance.pb", cut));
        editManifest(file, m -> ((ObjectNode) m.get("entries")).put("models/stance.pb", sha(cut)));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains("models/stance.pb"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("ends"), e.getMessage());
    }

    @Test
    void unitLengthOverKnownBucketsIsKeptPerTargetAndAbsentBefore21MeansOff() throws Exception {
        Path file = dir.resolve("unit.slant");
        BundleContents c = contents(models);
        new BundleWriter(CLOCK).write(file, new BundleContents(c.featurizer(), c.models(), c.seed(), c.trainingDataSha256(),
                c.rowsUsed(), c.rowsRejected(), c.metrics(), c.modelCard(), c.precision(), java.util.Set.of("topic", "veracity")));
        LoadedBundle back = BundleReader.read(file);
        assertEquals(BundleFormat.FORMAT_VERSION, back.manifest().formatVersion());
        assertEquals(List.of(false, true, true), back.manifest().targets().stream().map(ManifestTarget::knownUnitLength).toList());
        assertEquals(List.of(false, true, true), back.scorers().values().stream().map(s -> s.knownUnitLength()).toList(),
                "the LibLinear scorers streamed from their models and the SGD one read from its entry");
        editManifest(file, m -> {
            m.put("formatVersion", "2.0");
            m.withArray("targets").forEach(t -> ((ObjectNode) t).remove("knownUnitLength"));
        });
        LoadedBundle old = BundleReader.read(file);
        assertEquals(List.of(false, false, false), old.scorers().values().stream().map(s -> s.knownUnitLength()).toList(),
                "a format 2.0 bundle's models saw the featurizer's vectors as they are");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BundleContents(c.featurizer(),
                c.models(), c.seed(), c.trainingDataSha256(), c.rowsUsed(), c.rowsRejected(), c.metrics(), c.modelCard(),
                c.precision(), java.util.Set.of("mood")));
        assertEquals("target 'mood' scaled to unit length over known buckets has no model", e.getMessage());
    }

    @Test
    void aFeaturizerWithoutTitleWeightIsReadAsOneNormOverTitleAndBody() throws Exception {
        Path file = written();
        assertTrue(BundleReader.read(file).featurizer().settings().titleWeight() > 0, "the synthetic bundle weighs its title");
        editManifest(file, m -> {
            m.put("formatVersion", "2.1");
            ((ObjectNode) m.get("featurizer")).remove("titleWeight");
        });
        assertEquals(0.0, BundleReader.read(file).featurizer().settings().titleWeight(),
                "a format 2.1 bundle's title and body shared one norm");
    }

    @Test
    void newerMinorVersionIsRead() throws Exception {
        Path file = written();
        editManifest(file, m -> m.put("formatVersion", "2.7"));
        assertEquals("2.7", BundleReader.read(file).manifest().formatVersion());
    }

    @Test
    void invalidFeaturizerSettingsAreNamed() throws Exception {
        Path file = written();
        editManifest(file, m -> ((ObjectNode) m.get("featurizer")).put("buckets", 1));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": invalid manifest.json at featurizer: buckets must be in [2, 2^26], got 1", e.getMessage());
    }

    @Test
    void invalidManifestFieldIsNamed() throws Exception {
        Path file = written();
        editManifest(file, m -> m.put("trainingDataSha256", "abc"));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": invalid manifest.json: trainingDataSha256 must be 64 lower-case hex digits, got 'abc'", e.getMessage());
    }

    @Test
    void labelsThatDisagreeWithTheManifestAreRefused() throws Exception {
        Path file = written();
        editManifest(file, m -> {
            ArrayNode labels = (ArrayNode) m.get("targets").get(0).get("labels");
            String first = labels.get(0).asText();
            labels.set(0, labels.get(1));
            labels.set(1, JsonNodeFactory.instance.textNode(first));
        });
        List<String> labels = new ArrayList<>();
        for (int id = 0; id < 3; id++) {
            labels.add(models.get("stance").getOutputIDInfo().getOutput(id).getLabel());
        }
        List<String> swapped = List.of(labels.get(1), labels.get(0), labels.get(2));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": models/stance.pb has labels " + labels + ", the manifest says " + swapped, e.getMessage());
    }

    @Test
    void aScorerThatDisagreesWithTheManifestIsRefused() throws Exception {
        Path file = written();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScorerCodec.write(TribuoLinearScorers.fromModel(models.get("stance"), featurizer.settings().buckets()), out);
        byte[] stance = out.toByteArray();
        rewrite(file, entries -> entries.put("scorers/topic.bin", stance));
        editManifest(file, m -> ((ObjectNode) m.get("entries")).put("scorers/topic.bin", sha(stance)));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": scorers/topic.bin is a LinearScorer[" + TribuoLinearScorers.LIBLINEAR + ", 3 labels"), e.getMessage());
    }

    /** Slant's trainer rounds LibLinear weights to bfloat16; such a model is written and loaded as 2-byte weights. */
    @Test
    void bfloat16WeightsAreRecordedAndLoadedExactly() throws Exception {
        Map<String, Model<Label>> m = new LinkedHashMap<>(models);
        @SuppressWarnings("unchecked")
        Model<Label> rounded = (Model<Label>) Model.deserialize(
                LibLinearWeightCompaction.compact(models.get("veracity").serialize(), 1.0, WeightPrecision.BFLOAT16));
        m.put("veracity", rounded);
        Path file = dir.resolve("bf16.slant");
        Manifest written = new BundleWriter(CLOCK).write(file, contents(m));
        assertEquals(WeightPrecision.BFLOAT16, written.target("veracity").precision());
        assertEquals(WeightPrecision.FLOAT, written.target("stance").precision(), "weights that are not bfloat16 stay floats");
        LoadedBundle b = BundleReader.read(file);
        assertEquals(WeightPrecision.BFLOAT16, b.manifest().target("veracity").precision());
        LinearScorer loaded = b.scorers().get("veracity");
        assertEquals(WeightPrecision.BFLOAT16, loaded.precision());
        LinearScorer exact = TribuoLinearScorers.fromModel(rounded, featurizer.settings().buckets());
        int n = exact.labels().size();
        for (Article a : unseen) {
            FeatureVector v = featurizer.featurize(a);
            double[] x = new double[n];
            double[] y = new double[n];
            assertEquals(exact.decisionValues(v, x), loaded.decisionValues(v, y));
            assertArrayEquals(x, y, 0.0, a.id());
        }
        Model<Label> back = BundleReader.readModel(file, "veracity");
        FeatureVector v = featurizer.featurize(unseen.get(0));
        var ex = FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v);
        assertEquals(rounded.predict(ex).getOutputScores().toString(), back.predict(ex).getOutputScores().toString());
    }

    /**
     * A wide bfloat16 model is written as bfloat16; pruned so far that its scorer keeps only the non-zero weights,
     * it stays floats (sparse), which are exact too.
     */
    @Test
    void aPrunedWideModelStaysSparseFloatsAndAWholeOneIsBFloat16() throws Exception {
        List<LabelledArticle> wide = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(300, 1)) {
            String label = String.join("-", a.labels().get("stance").orElseThrow(), a.labels().get("topic").orElseThrow(),
                    a.labels().get("veracity").orElseThrow());
            wide.add(new LabelledArticle(a.article(), dev.slant.datasets.Labels.single(Map.of("wide", label))));
        }
        Model<Label> trained = Synthetic.train(TinyTrainers.all().get("liblinear-svm"), featurizer, wide, "wide");
        for (double keep : new double[] {1.0, 0.2}) {
            @SuppressWarnings("unchecked")
            Model<Label> rounded = (Model<Label>) Model.deserialize(
                    LibLinearWeightCompaction.compact(trained.serialize(), keep, WeightPrecision.BFLOAT16));
            Path file = dir.resolve("wide-" + keep + ".slant");
            new BundleWriter(CLOCK).write(file, contents(Map.of("wide", rounded)));
            LoadedBundle b = BundleReader.read(file);
            LinearScorer loaded = b.scorers().get("wide");
            assertTrue(loaded.labels().size() >= LinearScorer.SPARSE_MIN_LABELS, loaded.toString());
            WeightPrecision expected = keep < 1 ? WeightPrecision.FLOAT : WeightPrecision.BFLOAT16;
            assertEquals(expected, b.manifest().target("wide").precision(), "kept " + keep);
            assertEquals(expected, loaded.precision());
            assertEquals(keep < 1, loaded.sparse(), loaded.toString());
            LinearScorer exact = TribuoLinearScorers.fromModel(rounded, featurizer.settings().buckets());
            for (Article a : unseen) {
                FeatureVector v = featurizer.featurize(a);
                double[] x = new double[loaded.labels().size()];
                double[] y = new double[x.length];
                assertEquals(exact.decisionValues(v, x), loaded.decisionValues(v, y));
                assertArrayEquals(x, y, 0.0, a.id() + ", kept " + keep);
            }
        }
    }

    @Test
    void floatPrecisionHalvesTheWeightsAndKeepsScoresClose() throws Exception {
        Path file = dir.resolve("float.slant");
        BundleContents c = contents(models);
        new BundleWriter(CLOCK).write(file, new BundleContents(c.featurizer(), c.models(), c.seed(), c.trainingDataSha256(),
                c.rowsUsed(), c.rowsRejected(), c.metrics(), c.modelCard(), WeightPrecision.FLOAT));
        LoadedBundle b = BundleReader.read(file);
        assertEquals(WeightPrecision.FLOAT, b.manifest().target("topic").precision());
        for (Map.Entry<String, Model<Label>> e : models.entrySet()) {
            LinearScorer exact = TribuoLinearScorers.fromModel(e.getValue(), featurizer.settings().buckets());
            LinearScorer compact = b.scorers().get(e.getKey());
            assertEquals(WeightPrecision.FLOAT, compact.precision());
            long n = exact.labels().size();
            assertEquals(exact.arrayBytes() - 4 * exact.knownBuckets() * n, compact.arrayBytes());
            for (Article a : unseen) {
                FeatureVector v = featurizer.featurize(a);
                double[] x = new double[(int) n];
                double[] y = new double[(int) n];
                exact.decisionValues(v, x);
                compact.decisionValues(v, y);
                for (int k = 0; k < n; k++) {
                    // The documented bound: 2^-24 times the sum of |w x| (bounded here by |x| summed, weights < 1e3).
                    assertEquals(x[k], y[k], 1e-5, e.getKey() + " " + a.id());
                }
            }
        }
    }

    @Test
    void entryNotInTheManifestIsRefused() throws Exception {
        Path file = written();
        rewrite(file, entries -> entries.put("extra.txt", "smuggled".getBytes(StandardCharsets.UTF_8)));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": entry extra.txt is not listed in the manifest", e.getMessage());
    }

    @Test
    void missingEntryIsNamed() throws Exception {
        Path file = written();
        rewrite(file, entries -> entries.remove("provenance/topic.json"));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": entry provenance/topic.json is missing (the manifest lists it)", e.getMessage());
    }

    @Test
    void corruptIdfIsNamed() throws Exception {
        Path file = written();
        byte[] idf = entries(file).get(BundleFormat.IDF);
        byte[] cut = java.util.Arrays.copyOf(idf, idf.length - 3);
        rewrite(file, entries -> entries.put(BundleFormat.IDF, cut));
        editManifest(file, m -> ((ObjectNode) m.get("entries")).put(BundleFormat.IDF, sha(cut)));
        BundleException e = assertThrows(BundleException.class, () -> BundleReader.read(file));
        assertEquals(file + ": featurizer/idf.bin is invalid: idf encoding ends early", e.getMessage());
    }

    // ---- helpers ----

    static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    static void rewrite(Path file, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> m = entries(file);
        change.accept(m);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : m.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
    }

    static void editManifest(Path file, Consumer<ObjectNode> change) throws IOException {
        rewrite(file, entries -> {
            try {
                ObjectNode m = (ObjectNode) BundleJson.MAPPER.readTree(entries.get(BundleFormat.MANIFEST));
                change.accept(m);
                entries.put(BundleFormat.MANIFEST, BundleJson.MAPPER.writeValueAsBytes(m));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    static String sha(byte[] data) {
        return java.util.HexFormat.of().formatHex(BundleWriter.sha256().digest(data));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
