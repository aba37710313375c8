package dev.slant.inference.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slant.datasets.Article;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.bundle.Manifest;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.model.FeatureNames;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.WeightPrecision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Not a test: trains LibLinear stance and topic models on article-bias's random training split with the default
 * featurizer, writes a bundle and reports its size, load time and scorer heap; {@code score FILE} loads a bundle
 * and scores the test split (run it under -Xmx256m).
 *
 * <pre>java -cp ... dev.slant.inference.bench.BundleBenchmark train DATA_ROOT OUT.slant LOG2_BUCKETS DOUBLE|FLOAT
 * java -Xmx256m -cp ... dev.slant.inference.bench.BundleBenchmark score DATA_ROOT OUT.slant</pre>
 *
 * <p>Stance uses Tribuo's SGD logistic regression (5 epochs), topic multinomial naive Bayes: on 2 shared cores
 * LibLinear needs about a minute per label over 2^20 buckets and SGD about 7 minutes per epoch for 108 labels,
 * too slow for a benchmark.
 */
public final class BundleBenchmark {
    private BundleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        Path out = Path.of(args[2]);
        if (args[0].equals("train")) {
            train(root, out, Integer.parseInt(args[3]), WeightPrecision.valueOf(args[4]));
        } else {
            score(root, out);
        }
    }

    record Row(Article article, String stance, String topic) {
    }

    static List<Row> read(Path root, String part) throws IOException {
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(root.resolve("article-bias/splits/random/" + part + ".tsv"))) {
            if (!line.startsWith("ID\t")) {
                ids.add(line.substring(0, line.indexOf('\t')));
            }
        }
        List<Row> rows = new ArrayList<>();
        try (Reader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(root.resolve("article-bias/articles.csv.gz"))), StandardCharsets.UTF_8))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (ids.contains(rec.get("ID"))) {
                    rows.add(new Row(new Article(rec.get("ID"), rec.get("title"), rec.get("content_original"), Map.of()),
                            rec.get("bias_text"), rec.get("topic")));
                }
            }
        }
        return rows;
    }

    static void train(Path root, Path out, int log2Buckets, WeightPrecision precision) throws Exception {
        long t0 = System.nanoTime();
        List<Row> train = read(root, "train");
        System.out.printf("read %d training articles in %.1f s%n", train.size(), (System.nanoTime() - t0) / 1e9);
        FeaturizerSettings settings = FeaturizerSettings.DEFAULTS.withBuckets(1 << log2Buckets);
        Featurizer unfitted = Featurizer.unfitted(settings, Scrubber.NONE);
        List<FeatureVector> counts = new ArrayList<>(train.size());
        t0 = System.nanoTime();
        for (Row row : train) {
            counts.add(unfitted.termCounts(row.article()));
        }
        Featurizer featurizer = unfitted.fit(counts);
        long kept = java.util.Arrays.stream(featurizer.idf()).filter(v -> v != 0).count();
        System.out.printf("term counts and idf in %.1f s; buckets with df >= %d: %d of %d%n",
                (System.nanoTime() - t0) / 1e9, settings.minDf(), kept, settings.buckets());
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        for (String target : List.of("stance", "topic")) {
            MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("article-bias random train", new LabelFactory()), new LabelFactory());
            for (int i = 0; i < train.size(); i++) {
                Row row = train.get(i);
                FeatureVector v = featurizer.weigh(counts.get(i));
                if (v.size() > 0) {
                    data.add(FeatureNames.example(new Label(target.equals("stance") ? row.stance() : row.topic()), v));
                }
            }
            t0 = System.nanoTime();
            Model<Label> m = target.equals("stance") ? new LogisticRegressionTrainer().train(data)
                    : new MultinomialNaiveBayesTrainer().train(data);
            System.out.printf("%s: %d labels, %d features, trained in %.1f s%n", target, m.getOutputIDInfo().size(),
                    m.getFeatureIDMap().size(), (System.nanoTime() - t0) / 1e9);
            models.put(target, m);
        }
        t0 = System.nanoTime();
        Manifest manifest = new BundleWriter().write(out, new BundleContents(featurizer, models, 1L, "0".repeat(64),
                train.size(), 0, JsonNodeFactory.instance.objectNode(), "# benchmark\n", precision));
        System.out.printf("wrote %s in %.1f s: %,d bytes%n", out, (System.nanoTime() - t0) / 1e9, Files.size(out));
        try (ZipFile zip = new ZipFile(out.toFile())) {
            zip.stream().forEach(e -> System.out.printf("  %-28s %,12d bytes, %,12d compressed%n", e.getName(), e.getSize(), e.getCompressedSize()));
        }
        System.out.println("targets " + manifest.targetNames());
    }

    static void score(Path root, Path file) throws Exception {
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        var bundle = dev.slant.inference.bundle.BundleReader.read(file);
        SlantClassifier slant = SlantClassifier.of(bundle);
        System.out.printf("loaded in %.1f s, max heap %d MiB%n", (System.nanoTime() - t0) / 1e9, rt.maxMemory() >> 20);
        for (Map.Entry<String, LinearScorer> e : bundle.scorers().entrySet()) {
            System.out.printf("  %s: %s, arrays %,d bytes%n", e.getKey(), e.getValue(), e.getValue().arrayBytes());
        }
        List<Row> test = read(root, "test");
        List<Article> articles = test.stream().map(Row::article).toList();
        for (int round = 0; round < 3; round++) {
            t0 = System.nanoTime();
            var predictions = slant.classifyAll(articles, 2);
            double s = (System.nanoTime() - t0) / 1e9;
            int right = 0;
            for (int i = 0; i < test.size(); i++) {
                right += test.get(i).stance().equals(predictions.get(i).target("stance").label()) ? 1 : 0;
            }
            System.gc();
            System.out.printf("round %d: %d articles in %.2f s (%.0f/s), stance accuracy %.3f, heap used %d MiB%n", round,
                    articles.size(), s, articles.size() / s, right / (double) test.size(), (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
