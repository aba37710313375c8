package dev.slant.spark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.RealData;
import dev.slant.datasets.corpus.ArticleBiasCorpus;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.scrub.ScrubRules;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.drift.DriftReference;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A small bundle trained on real article-bias articles (1,500 of the media split's train part; stance by logistic
 * regression, topic by multinomial naive Bayes; own-outlet and agency scrubbing on, so outlet and host metadata matter), and
 * the 1,300 articles of the media split's test part. Built once per test JVM and shared by the test classes.
 */
final class RealBundle {
    static final int TRAIN = 1_500;
    static final String DATA_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static RealBundle instance;

    final Path file;
    final List<LabelledArticle> test;
    final SlantClassifier classifier;
    private final Map<String, Prediction> expected = new java.util.concurrent.ConcurrentHashMap<>();

    private RealBundle(Path file, List<LabelledArticle> test) throws BundleException {
        this.file = file;
        this.test = test;
        this.classifier = SlantClassifier.load(file);
    }

    /**
     * @param article an article
     * @return what the library predicts for it, computed once
     */
    Prediction expected(Article article) {
        return expected.computeIfAbsent(article.id(), id -> classifier.classify(article));
    }

    /** @return the shared bundle and test articles (a skip when the corpus is absent, a failure in CI) */
    static synchronized RealBundle get() {
        if (instance == null) {
            Path dir = RealData.require("article-bias");
            try {
                instance = build(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (BundleException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static RealBundle build(Path dir) throws IOException, BundleException {
        ArticleBiasCorpus corpus = new ArticleBiasCorpus(dir);
        Split media = corpus.publishedSplits().get("media");
        Set<String> testIds = new HashSet<>(media.ids(Part.TEST));
        List<LabelledArticle> train = new ArrayList<>();
        List<LabelledArticle> test = new ArrayList<>();
        try (ArticleReader reader = corpus.open(ReadOptions.LENIENT)) {
            while (reader.hasNext() && (train.size() < TRAIN || test.size() < testIds.size())) {
                LabelledArticle a = reader.next();
                Part p = media.partOf(a.id()).orElse(null);
                if (p == Part.TRAIN && train.size() < TRAIN) {
                    train.add(a);
                } else if (testIds.contains(a.id())) {
                    test.add(a);
                }
            }
        }
        if (test.size() != testIds.size()) {
            throw new IllegalStateException("found " + test.size() + " of the " + testIds.size() + " media test articles");
        }
        Scrubber scrubber = Scrubber.of(new ScrubRules(true, List.of("Reuters", "AP"), true, List.of(), List.of(), List.of()));
        FeaturizerSettings settings = FeaturizerSettings.DEFAULTS.withBuckets(1 << 14);
        Featurizer unfitted = Featurizer.unfitted(settings, scrubber);
        List<FeatureVector> counts = new ArrayList<>();
        for (LabelledArticle a : train) {
            counts.add(unfitted.termCounts(a.article()));
        }
        Featurizer featurizer = unfitted.fit(counts);
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        models.put("stance", Synthetic.train(TinyTrainers.all().get("liblinear-lr"), featurizer, train, "stance"));
        models.put("topic", Synthetic.train(TinyTrainers.all().get("naive-bayes"), featurizer, train, "topic"));
        // What training stores for 'slant evaluate' and the Spark evaluate to lay out their tables; topic has none.
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        ObjectNode stored = metrics.putObject("targets").putObject("stance").putObject("test").putArray("targets").addObject();
        stored.put("target", "stance").put("kind", "evaluation").put("ordinal", true).put("baseline", "majority 'right'");
        stored.putArray("labels").add("left").add("center").add("right");
        stored.putObject("baselineFigures").putObject("calibration").putArray("binned").addObject()
                .put("count", 1300).put("meanConfidence", 0.385);

        Path file = Files.createTempDirectory("slant-spark-test").resolve("real.slant");
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        BundleWriter writer = new BundleWriter(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        writer.write(file, new BundleContents(featurizer, models, TinyTrainers.SEED, DATA_SHA, train.size(), 0,
                metrics.deepCopy(), "# Test model\n\nFor the spark module's tests only.\n", BundleContents.DEFAULT_PRECISION));
        // The drift reference training stores: the model's predictions of its training articles.
        SlantClassifier trained = SlantClassifier.load(file);
        Map<String, List<String>> labels = new LinkedHashMap<>();
        trained.targets().forEach(t -> labels.put(t, trained.labels(t)));
        metrics.set(DriftReference.METRICS_KEY, DriftReference.of("spark test train part", trained.classifyAll(
                train.stream().map(LabelledArticle::article).toList(), 2), labels).toJson());
        writer.write(file, new BundleContents(featurizer, models, TinyTrainers.SEED, DATA_SHA, train.size(), 0,
                metrics, "# Test model\n\nFor the spark module's tests only.\n", BundleContents.DEFAULT_PRECISION));
        return new RealBundle(file, List.copyOf(test));
    }
}
