package dev.slant.inference.score;

import dev.slant.datasets.Article;
import dev.slant.datasets.corpus.Corpora;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.DataRoot;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a 108-label topic model adds to scoring, when no such bundle is at hand: a scorer with 108 labels of
 * random weights over the same known buckets as a bundle's first target (the arithmetic and memory traffic of a
 * real one; the weights' values do not change the speed). Prints CPU time per article and MB of article text per
 * CPU second for featurize + first target, and featurize + first target + the 108-label scorer.
 *
 * <pre>java -cp 'benchmarks/target/slant-benchmarks.jar:benchmarks/target/lib/*' \
 *     dev.slant.inference.score.WideScorerCpuTime BUNDLE [LABELS] [SECONDS] [DOUBLE|FLOAT]</pre>
 */
public final class WideScorerCpuTime {
    private WideScorerCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        LoadedBundle bundle = BundleReader.read(Path.of(args[0]));
        int labels = args.length > 1 ? Integer.parseInt(args[1]) : 108;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        Featurizer featurizer = bundle.featurizer();
        LinearScorer first = bundle.scorers().values().iterator().next();
        Random random = new Random(1);
        double[] w = new double[first.knownBuckets() * labels];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian() * 0.01;
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < labels; k++) {
            names.add("topic" + k);
        }
        LinearScorer wide = new LinearScorer("synthetic", names, first.rowOfBucket(), w, null, new double[labels],
                ProbabilityLink.SOFTMAX_OF_MARGINS).withPrecision(args.length > 3 ? WeightPrecision.valueOf(args[3]) : WeightPrecision.DOUBLE);
        Corpus corpus = Corpora.open(Corpora.DEFAULT, DataRoot.resolve(null));
        List<Article> articles = new ArrayList<>();
        long bytes = 0;
        try (ArticleReader r = corpus.open(ReadOptions.LENIENT)) {
            while (r.hasNext() && articles.size() < 2000) {
                Article a = r.next().article();
                articles.add(a);
                bytes += a.title().getBytes(StandardCharsets.UTF_8).length + a.text().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        double perArticle = bytes / (double) articles.size();
        System.out.println(first + "\n" + wide);
        for (int targets = 1; targets <= 2; targets++) {
            measure(targets == 1 ? "featurize + " + first.labels().size() + " labels" : "featurize + " + first.labels().size()
                    + " + " + labels + " labels", featurizer, targets == 1 ? List.of(first) : List.of(first, wide), articles,
                    perArticle, seconds);
        }
    }

    private static void measure(String name, Featurizer featurizer, List<LinearScorer> scorers, List<Article> articles,
                                double perArticle, double seconds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] out = new double[scorers.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = new double[scorers.get(k).labels().size()];
        }
        long sink = 0;
        for (int pass = 0; pass < 2; pass++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long n = 0;
            while (System.nanoTime() - wall0 < seconds * 1e9) {
                for (Article a : articles) {
                    FeatureVector v = featurizer.featurize(a);
                    for (int k = 0; k < out.length; k++) {
                        sink += scorers.get(k).decisionValues(v, out[k]);
                        sink += (long) scorers.get(k).probabilities(out[k])[0];
                    }
                }
                n += articles.size();
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            if (pass == 1) {
                System.out.printf(Locale.ROOT, "%-32s %8.1f us/article (CPU) %7.1f MB/s per CPU second (%d articles, sink %d)%n",
                        name, cpu / n * 1e6, n * perArticle / 1e6 / cpu, n, sink & 1);
            }
        }
    }
}
