package dev.slant.inference.features;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.Corpora;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.DataRoot;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.WeightPrecision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each stage of the scoring path over real articles, one article per operation (the articles cycle), so the
 * score is articles per second; multiply by {@code bytesPerArticle} (printed at setup) for bytes per second.
 *
 * <ul>
 *   <li>{@code tokenize}: the tokenizer alone, over title and body;</li>
 *   <li>{@code scrub}: the bundle's scrubber alone;</li>
 *   <li>{@code termCountsNoScrub}: tokenize, n-grams, hashing and counting (no scrubbing);</li>
 *   <li>{@code featurizeNoScrub}: the featurizer without scrubbing (term counts weighed);</li>
 *   <li>{@code featurize}: the whole featurizer, scrubbing and weighing included;</li>
 *   <li>{@code scoreFirstTarget}: the first target's (stance's) decision values over a vector featurized at setup;</li>
 *   <li>{@code scoreEveryTarget}: every target's decision values over a vector featurized at setup;</li>
 *   <li>{@code classify}: the library's {@link SlantClassifier#classify}, everything.</li>
 * </ul>
 *
 * <p>Parameters: {@code bundle} (a .slant file; default {@code models/article-bias-media.slant}) and
 * {@code data} (the data folder; default as the CLI finds it); the first {@code articles} articles of
 * article-bias are used.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ScoringPathBenchmark {
    @Param("models/article-bias-media.slant")
    public String bundle;

    @Param("")
    public String data;

    @Param("2000")
    public int articles;

    /** The scorers' weight precision: as loaded (empty), or a {@link WeightPrecision} to convert them to. */
    @Param("")
    public String precision;

    private List<Article> texts;
    private SlantClassifier slant;
    private Featurizer featurizer;
    private Featurizer noScrub;
    private UnaryOperator<Article> scrubber;
    private Tokenizer tokenizer;
    private List<LinearScorer> scorers;
    private FeatureVector[] vectors;
    private double[][] decisions;
    private int next;
    private double bytesPerArticle;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        LoadedBundle loaded = BundleReader.read(Path.of(bundle));
        if (precision != null && !precision.isEmpty()) {
            Map<String, LinearScorer> converted = new LinkedHashMap<>();
            loaded.scorers().forEach((t, sc) -> converted.put(t, sc.withPrecision(WeightPrecision.valueOf(precision))));
            loaded = new LoadedBundle(loaded.file(), loaded.manifest(), loaded.featurizer(), converted, loaded.modelCard(),
                    loaded.provenance());
        }
        slant = SlantClassifier.of(loaded);
        featurizer = loaded.featurizer();
        FeaturizerSettings s = featurizer.settings();
        noScrub = Featurizer.fitted(s.withScrub(false), featurizer.idf(), UnaryOperator.identity());
        scrubber = featurizer.scrubber();
        tokenizer = new Tokenizer(s.minTokenLength(), s.dropNumbers());
        scorers = new ArrayList<>(loaded.scorers().values());
        Corpus corpus = Corpora.open(Corpora.DEFAULT, DataRoot.resolve(data.isEmpty() ? null : Path.of(data)));
        texts = new ArrayList<>();
        long bytes = 0;
        try (ArticleReader r = corpus.open(ReadOptions.LENIENT)) {
            while (r.hasNext() && texts.size() < articles) {
                LabelledArticle a = r.next();
                texts.add(a.article());
                bytes += a.article().title().getBytes(StandardCharsets.UTF_8).length
                        + a.article().text().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        vectors = new FeatureVector[texts.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = featurizer.featurize(texts.get(i));
        }
        decisions = new double[scorers.size()][];
        for (int k = 0; k < decisions.length; k++) {
            decisions[k] = new double[scorers.get(k).labels().size()];
        }
        bytesPerArticle = bytes / (double) texts.size();
        System.out.printf("%n%d articles, bytesPerArticle %.0f, targets %s%n", texts.size(), bytes / (double) texts.size(),
                slant.targets());
    }

    private int nextIndex() {
        int i = next++;
        if (next == texts.size()) {
            next = 0;
        }
        return i;
    }

    @Benchmark
    public int tokenize() {
        Article a = texts.get(nextIndex());
        int[] sum = new int[1];
        TokenSink sink = (hash, start, end) -> sum[0] += hash;
        tokenizer.tokenize(a.title(), sink);
        tokenizer.tokenize(a.text(), sink);
        return sum[0];
    }

    @Benchmark
    public Article scrub() {
        return scrubber.apply(texts.get(nextIndex()));
    }

    @Benchmark
    public FeatureVector termCountsNoScrub() {
        return noScrub.termCounts(texts.get(nextIndex()));
    }

    /** @return the mean UTF-8 bytes of title and body of the articles */
    double bytesPerArticle() {
        return bytesPerArticle;
    }

    @Benchmark
    public FeatureVector featurizeNoScrub() {
        return noScrub.featurize(texts.get(nextIndex()));
    }

    @Benchmark
    public FeatureVector featurize() {
        return featurizer.featurize(texts.get(nextIndex()));
    }

    @Benchmark
    public int scoreFirstTarget() {
        return scorers.get(0).decisionValues(vectors[nextIndex()], decisions[0]);
    }

    @Benchmark
    public void scoreEveryTarget(Blackhole bh) {
        FeatureVector v = vectors[nextIndex()];
        for (int k = 0; k < decisions.length; k++) {
            bh.consume(scorers.get(k).decisionValues(v, decisions[k]));
        }
    }

    @Benchmark
    public Object classify() {
        return slant.classify(texts.get(nextIndex()));
    }
}
