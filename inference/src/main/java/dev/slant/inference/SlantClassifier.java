package dev.slant.inference;

import dev.slant.datasets.Article;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.bundle.Manifest;
import dev.slant.inference.explain.ExplainedPrediction;
import dev.slant.inference.explain.Explainer;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.LinearScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slant as a library: a classifier loaded from a bundle that predicts every target of an article.
 *
 * <pre>{@code
 * SlantClassifier slant = SlantClassifier.load(Path.of("models/slant.slant"));
 * Prediction p = slant.classify(article);
 * TargetPrediction stance = p.target("stance");   // label, probability, every label's probability
 * ExplainedPrediction why = slant.explain(article, 5);   // top 5 n-grams and sentences per label
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads. It keeps the featurizer and one
 * {@link LinearScorer} per target, not the Tribuo models (read those with {@link BundleReader#readModel}).
 * An article none of whose features a target's model knows, or too small a share of whose n-grams the model's
 * vocabulary knows ({@link Abstention}), gets an explicit abstention for that target
 * ({@link TargetPrediction#abstained()}), never an exception.
 */
public final class SlantClassifier {
    /** Articles a worker of {@link #classifyAll(List, int)} takes at a time. */
    public static final int BATCH = 64;

    private final Manifest manifest;
    private final Featurizer featurizer;
    private final Map<String, LinearScorer> scorers;
    private final Explainer explainer;
    private final Abstention abstention;

    private SlantClassifier(LoadedBundle bundle) {
        this.manifest = bundle.manifest();
        this.featurizer = bundle.featurizer();
        // A scorer that knows exactly the buckets the featurizer keeps looks them up in the featurizer's own index.
        Map<String, LinearScorer> shared = new java.util.LinkedHashMap<>();
        bundle.scorers().forEach((target, s) -> shared.put(target, s.sharingIndex(featurizer.keptBuckets())));
        this.scorers = java.util.Collections.unmodifiableMap(shared);
        this.explainer = new Explainer(featurizer, scorers);
        this.abstention = Abstention.of(featurizer);
    }

    /**
     * Loads a bundle, checking all of it ({@link BundleReader#read}).
     *
     * @param bundle the bundle file
     * @return the classifier
     * @throws BundleException naming the file and the problem if it is missing, not a bundle, of a newer format,
     *                         truncated, corrupt or inconsistent
     */
    public static SlantClassifier load(Path bundle) throws BundleException {
        return new SlantClassifier(BundleReader.read(bundle));
    }

    /**
     * @param bundle a bundle already read
     * @return the classifier
     */
    public static SlantClassifier of(LoadedBundle bundle) {
        return new SlantClassifier(Objects.requireNonNull(bundle, "bundle"));
    }

    /** @return the bundle's manifest: how and on what the models were trained, with their metrics */
    public Manifest manifest() {
        return manifest;
    }

    /** @return the targets, in the order of every prediction */
    public List<String> targets() {
        return manifest.targetNames();
    }

    /**
     * @param target a target
     * @return its labels, in the order of its probabilities
     * @throws IllegalArgumentException if there is no such target
     */
    public List<String> labels(String target) {
        return manifest.target(target).labels();
    }

    /** @return the featurizer the models were trained with (evaluation featurizes through it too) */
    public Featurizer featurizer() {
        return featurizer;
    }

    /**
     * Predicts every target of an article.
     *
     * @param article the article
     * @return one prediction per target, abstaining where the model knows none of its features
     */
    public Prediction classify(Article article) {
        Featurizer.Featurized f = featurizer.featurizeCounted(article);
        return classifyFeatures(article.id(), f.vector(), f.knownShare(),
                abstention.articleReason(f.knownShare(), Abstention.markupShare(article)));
    }

    /** @return the abstention rule of this classifier's models */
    public Abstention abstention() {
        return abstention;
    }

    /**
     * Predicts every target of an article and explains each label: the k n-grams and the k sentences that
     * contributed most to the label's decision value (see {@link Explainer}).
     *
     * @param article the article
     * @param k       how many n-grams and sentences to keep per target, 1 or more
     * @return the prediction, equal to {@link #classify}'s, with an explanation per target that did not abstain
     * @throws IllegalArgumentException if k is below 1
     * @throws NullPointerException     if article is null
     */
    public ExplainedPrediction explain(Article article, int k) {
        Objects.requireNonNull(article, "article");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Featurizer.Featurized f = featurizer.featurizeCounted(article);
        FeatureVector features = f.vector();
        Prediction prediction = classifyFeatures(article.id(), features, f.knownShare(),
                abstention.articleReason(f.knownShare(), Abstention.markupShare(article)));
        return new ExplainedPrediction(prediction, explainer.explain(article, features, prediction, k));
    }

    /**
     * Predicts every target from features made by {@link #featurizer()}.
     *
     * @param articleId the article's id
     * @param features  its feature vector
     * @return one prediction per target
     * @throws IllegalArgumentException if a feature lies outside the featurizer's buckets
     */
    public Prediction classifyFeatures(String articleId, FeatureVector features) {
        return classifyFeatures(articleId, features, Double.NaN);
    }

    /**
     * Predicts every target from features made by {@link #featurizer()}, abstaining where the article's known
     * n-gram share is too low ({@link Abstention}; markup is not checked here, the article's text being unknown).
     *
     * @param articleId  the article's id
     * @param features   its feature vector
     * @param knownShare the share of its n-grams the vocabulary knows ({@link Featurizer#featurizeCounted}), or NaN
     *                   where not measured (then only an article without a known feature abstains)
     * @return one prediction per target
     * @throws IllegalArgumentException if a feature lies outside the featurizer's buckets
     */
    public Prediction classifyFeatures(String articleId, FeatureVector features, double knownShare) {
        return classifyFeatures(articleId, features, knownShare, abstention.articleReason(knownShare, Double.NaN));
    }

    private Prediction classifyFeatures(String articleId, FeatureVector features, double knownShare,
                                        String articleReason) {
        List<TargetPrediction> out = new ArrayList<>(scorers.size());
        for (Map.Entry<String, LinearScorer> e : scorers.entrySet()) {
            out.add(predict(e.getKey(), e.getValue(), features, knownShare, articleReason));
        }
        return new Prediction(articleId, out);
    }

    /**
     * One target's prediction from an article's features, as {@link #classify} makes it: for code that holds a
     * featurizer and scorers rather than a bundle (training evaluates its models through this).
     *
     * @param target     the target
     * @param scorer     its scorer
     * @param features   the article's features
     * @param knownShare the share of its n-grams the vocabulary knows, or NaN where not measured
     * @param articleReason why every target of the article abstains ({@link Abstention#articleReason}), or null
     * @return the prediction, an abstention as {@link Abstention} rules
     */
    public static TargetPrediction predict(String target, LinearScorer scorer, FeatureVector features, double knownShare,
                                           String articleReason) {
        List<String> labels = scorer.labels();
        double[] decision = new double[labels.size()];
        int known = scorer.decisionValues(features, decision);
        String reason = Abstention.reason(known, articleReason);
        if (reason != null) {
            return TargetPrediction.abstain(target, known, features.size(), knownShare, reason);
        }
        double[] p = scorer.probabilities(decision);
        int best = 0;
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            byLabel.put(labels.get(k), p[k]);
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new TargetPrediction(target, labels.get(best), p[best], byLabel, known, features.size(), knownShare);
    }

    /**
     * Predicts many articles on {@link Runtime#availableProcessors()} threads.
     *
     * @param articles the articles
     * @return their predictions, in input order
     * @throws CancellationException if the calling thread is interrupted (its interrupt flag is set again)
     */
    public List<Prediction> classifyAll(List<Article> articles) {
        return classifyAll(articles, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Predicts many articles on several threads, keeping input order. Workers take {@link #BATCH} articles at a
     * time; the threads live for this call only. An article without known features abstains and does not stop
     * the others. If a worker fails, the others stop and its error is thrown here.
     *
     * @param articles the articles
     * @param threads  worker threads, 1 or more (1 runs in the calling thread)
     * @return their predictions, in input order
     * @throws IllegalArgumentException if threads is below 1
     * @throws CancellationException    if the calling thread is interrupted (its interrupt flag is set again)
     */
    public List<Prediction> classifyAll(List<Article> articles, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        List<Article> input = List.copyOf(articles);
        Prediction[] out = new Prediction[input.size()];
        int workers = Math.min(threads, Math.max(1, (input.size() + BATCH - 1) / BATCH));
        if (workers == 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] = classify(input.get(i));
            }
            return List.of(out);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                for (int start = next.getAndAdd(BATCH); start < out.length && failure.get() == null; start = next.getAndAdd(BATCH)) {
                    int end = Math.min(out.length, start + BATCH);
                    for (int i = start; i < end; i++) {
                        out[i] = classify(input.get(i));
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        Thread[] pool = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            pool[w] = new Thread(work, "slant-classify-" + (w + 1));
            pool[w].setDaemon(true);
            pool[w].start();
        }
        try {
            for (Thread t : pool) {
                t.join();
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("interrupted while classifying " + out.length + " articles");
            c.initCause(e);
            throw c;
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException("classifying failed", t);
        }
        return List.of(out);
    }

    @Override
    public String toString() {
        return "SlantClassifier" + targets();
    }
}
