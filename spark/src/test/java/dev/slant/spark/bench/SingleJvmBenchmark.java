package dev.slant.spark.bench;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.ArticleBiasCorpus;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the single-JVM figure beside the Spark job's, on the same corpus and bundle. Reads article-bias, then
 * classifies every article with {@link SlantClassifier#classifyAll(List, int)} and prints articles/s and MB/s of
 * the uncompressed CSV (given, as the job's input is measured the same way).
 *
 * <pre>java -Xmx4g -cp ... dev.slant.spark.bench.SingleJvmBenchmark CORPUS_DIR BUNDLE THREADS CSV_BYTES</pre>
 */
public final class SingleJvmBenchmark {
    private SingleJvmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path bundle = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        long csvBytes = Long.parseLong(args[3]);
        long t0 = System.nanoTime();
        SlantClassifier classifier = SlantClassifier.load(bundle);
        long t1 = System.nanoTime();
        LoadedCorpus corpus = LoadedCorpus.load(new ArticleBiasCorpus(dir), ReadOptions.LENIENT);
        List<Article> articles = new ArrayList<>();
        for (LabelledArticle a : corpus.articles()) {
            articles.add(a.article());
        }
        long t2 = System.nanoTime();
        List<Prediction> p = classifier.classifyAll(articles, threads);
        long t3 = System.nanoTime();
        double mb = csvBytes / 1e6;
        System.out.printf(Locale.ROOT, "| step | seconds | articles/s | MB/s |%n| --- | --- | --- | --- |%n");
        System.out.printf(Locale.ROOT, "| load bundle (%d MB) | %.1f | | |%n", Files.size(bundle) / 1_000_000, (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "| read corpus (%d articles) | %.1f | %.0f | %.1f |%n", articles.size(), (t2 - t1) / 1e9,
                articles.size() / ((t2 - t1) / 1e9), mb / ((t2 - t1) / 1e9));
        System.out.printf(Locale.ROOT, "| classifyAll, %d threads | %.1f | %.0f | %.1f |%n", threads, (t3 - t2) / 1e9,
                p.size() / ((t3 - t2) / 1e9), mb / ((t3 - t2) / 1e9));
        System.out.printf(Locale.ROOT, "| read + classify | %.1f | %.0f | %.1f |%n", (t3 - t1) / 1e9,
                p.size() / ((t3 - t1) / 1e9), mb / ((t3 - t1) / 1e9));
    }
}
