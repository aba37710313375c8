package dev.slant.inference.features;

import dev.slant.datasets.Article;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one featurizer of Slant, shared by training and prediction. The whole pipeline, stage by stage:
 *
 * <ol>
 *   <li>scrub outlet fingerprints from title and text (optional, rules fitted on training data);</li>
 *   <li>tokenize and lower-case ({@link Tokenizer});</li>
 *   <li>word n-grams, optional character n-grams, title apart or joined, hashed into buckets ({@link NgramStage},
 *       {@link FeatureHash});</li>
 *   <li>count per bucket ({@link TermCounts});</li>
 *   <li>sublinear tf, idf fitted on training data only ({@link InverseDocumentFrequency}), L2 normalization.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe: each thread gets its own scratch space. Built only from its settings, its
 * fitted idf and its scrubber, all of which a bundle saves.
 */
public final class Featurizer {
    private final FeaturizerSettings settings;
    private final double[] idf;
    private final UnaryOperator<Article> scrubber;
    private final Tokenizer tokenizer;
    private final ThreadLocal<Workspace> workspace;

    private Featurizer(FeaturizerSettings settings, double[] idf, UnaryOperator<Article> scrubber) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
        if (idf != null && idf.length != settings.buckets()) {
            throw new IllegalArgumentException("idf has " + idf.length + " values for " + settings.buckets() + " buckets");
        }
        this.idf = idf;
        this.tokenizer = new Tokenizer(settings.minTokenLength(), settings.dropNumbers());
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(settings));
    }

    /**
     * A featurizer whose idf is not fitted yet: it gives term counts, from which {@link #fit} makes the final one.
     *
     * @param settings the settings
     * @param scrubber the fitted scrubber ({@link UnaryOperator#identity()} when scrubbing is off)
     * @return the featurizer
     */
    public static Featurizer unfitted(FeaturizerSettings settings, UnaryOperator<Article> scrubber) {
        return new Featurizer(settings, null, scrubber);
    }

    /**
     * A fitted featurizer, as a bundle restores it.
     *
     * @param settings the settings
     * @param idf      idf per bucket (ignored values when idf is off: pass null)
     * @param scrubber the fitted scrubber
     * @return the featurizer
     * @throws IllegalArgumentException if idf is missing or has the wrong length
     */
    public static Featurizer fitted(FeaturizerSettings settings, double[] idf, UnaryOperator<Article> scrubber) {
        if (settings.idf() && idf == null) {
            throw new IllegalArgumentException("settings use idf but no idf values were given");
        }
        return new Featurizer(settings, settings.idf() ? idf.clone() : null, scrubber);
    }

    /**
     * Fits idf on training documents' term counts.
     *
     * @param trainingTermCounts the training documents' {@link #termCounts}, made by this featurizer
     * @return the fitted featurizer
     */
    public Featurizer fit(Iterable<FeatureVector> trainingTermCounts) {
        double[] fittedIdf = settings.idf()
                ? InverseDocumentFrequency.fit(trainingTermCounts, null, settings.buckets(), settings.minDf(),
                        settings.minOutlets()) : null;
        return new Featurizer(settings, fittedIdf, scrubber);
    }

    /**
     * Fits idf on training documents' term counts, knowing each document's outlet, so that n-grams of fewer than
     * {@link FeaturizerSettings#minOutlets()} outlets are dropped.
     *
     * @param trainingTermCounts the training documents' {@link #termCounts}
     * @param outlets            each document's outlet key, same order
     * @return the fitted featurizer
     * @throws IllegalArgumentException if the lists differ in length
     */
    public Featurizer fit(List<FeatureVector> trainingTermCounts, List<String> outlets) {
        if (trainingTermCounts.size() != outlets.size()) {
            throw new IllegalArgumentException(trainingTermCounts.size() + " documents but " + outlets.size() + " outlets");
        }
        if (!settings.idf()) {
            return new Featurizer(settings, null, scrubber);
        }
        // Documents grouped by outlet, so that each outlet is counted once per bucket.
        Integer[] order = new Integer[outlets.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, java.util.Comparator.comparing(outlets::get));
        List<FeatureVector> docs = new java.util.ArrayList<>(order.length);
        List<String> groups = new java.util.ArrayList<>(order.length);
        for (int i : order) {
            docs.add(trainingTermCounts.get(i));
            groups.add(outlets.get(i));
        }
        return new Featurizer(settings, InverseDocumentFrequency.fit(docs, groups, settings.buckets(), settings.minDf(),
                settings.minOutlets()), scrubber);
    }

    /** @return the settings */
    public FeaturizerSettings settings() {
        return settings;
    }

    /** @return true when idf is fitted or not used */
    public boolean isFitted() {
        return idf != null || !settings.idf();
    }

    /** @return a copy of the idf values, or null when idf is off or unfitted */
    public double[] idf() {
        return idf == null ? null : idf.clone();
    }

    /** @return the scrubber applied before tokenizing */
    public UnaryOperator<Article> scrubber() {
        return scrubber;
    }

    /**
     * Stages 1 to 4: raw counts per bucket.
     *
     * @param article the article
     * @return term counts, indices increasing
     */
    public FeatureVector termCounts(Article article) {
        Workspace ws = workspace.get();
        features(article, ws.counts, ws);
        return ws.counts.drain();
    }

    /**
     * Streams every feature occurrence of an article with its span (for explanations).
     *
     * @param article the article
     * @param title   receives the title's features (spans index the scrubbed title), or null to skip
     * @param body    receives the body's features (spans index the scrubbed text)
     * @return the scrubbed article whose title and text the spans index
     */
    public Article spans(Article article, FeatureSink title, FeatureSink body) {
        Workspace ws = new Workspace(settings);
        Article a = settings.scrub() ? scrubber.apply(article) : article;
        if (settings.titleMode() != TitleMode.IGNORE && title != null) {
            field(a.title(), titleSalt(), title, ws);
        }
        field(a.text(), 0, body, ws);
        return a;
    }

    /**
     * Stage 5: sublinear tf, idf and L2 normalization of term counts.
     *
     * @param counts term counts from {@link #termCounts}
     * @return the weighted vector (buckets with zero idf removed)
     * @throws IllegalStateException if idf is used but not fitted
     */
    public FeatureVector weigh(FeatureVector counts) {
        if (!isFitted()) {
            throw new IllegalStateException("the featurizer's idf is not fitted");
        }
        int[] in = counts.indices();
        double[] cv = counts.values();
        int[] idx = new int[in.length];
        double[] val = new double[in.length];
        int k = 0;
        double norm = 0;
        for (int i = 0; i < in.length; i++) {
            double w = settings.sublinearTf() ? 1.0 + Math.log(cv[i]) : cv[i];
            if (idf != null) {
                w *= idf[in[i]];
            }
            if (w != 0.0) {
                idx[k] = in[i];
                val[k] = w;
                norm += w * w;
                k++;
            }
        }
        if (settings.l2() && norm > 0) {
            double inv = 1.0 / Math.sqrt(norm);
            for (int i = 0; i < k; i++) {
                val[i] *= inv;
            }
        }
        return k == idx.length ? new FeatureVector(idx, val) : new FeatureVector(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }

    /**
     * The whole pipeline.
     *
     * @param article the article
     * @return its feature vector
     * @throws IllegalStateException if idf is used but not fitted
     */
    public FeatureVector featurize(Article article) {
        return weigh(termCounts(article));
    }

    private void features(Article article, FeatureSink sink, Workspace ws) {
        Article a = settings.scrub() ? scrubber.apply(article) : article;
        if (settings.titleMode() != TitleMode.IGNORE) {
            field(a.title(), titleSalt(), sink, ws);
        }
        field(a.text(), 0, sink, ws);
    }

    private int titleSalt() {
        return settings.titleMode() == TitleMode.SEPARATE ? FeatureHash.TITLE_SALT : 0;
    }

    private void field(String text, int salt, FeatureSink sink, Workspace ws) {
        ws.ngrams.startField(text, salt, sink);
        tokenizer.tokenize(text, ws.ngrams);
    }

    /** Per-thread scratch space. */
    private static final class Workspace {
        final NgramStage ngrams;
        final TermCounts counts;

        Workspace(FeaturizerSettings settings) {
            this.ngrams = new NgramStage(settings);
            this.counts = new TermCounts(settings.buckets());
        }
    }
}
