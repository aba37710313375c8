package dev.slant.inference.features;

import dev.slant.datasets.Article;
import dev.slant.datasets.scrub.ArticleField;
import dev.slant.datasets.scrub.Scrubber;
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
 *   <li>word n-grams, optional character n-grams within words, title apart or joined, hashed into buckets
 *       ({@link NgramStage}, {@link FeatureHash}); optional character n-grams of the raw text ({@link RawCharStage});</li>
 *   <li>count per bucket ({@link TermCounts});</li>
 *   <li>sublinear tf, idf fitted on training data only ({@link InverseDocumentFrequency}), L2 normalization: of title
 *       and body apart, then of their sum with the title weighed ({@link TitleBlend}), when the title has a weight.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe: each thread gets its own scratch space. Built only from its settings, its
 * fitted idf and its scrubber, all of which a bundle saves.
 */
public final class Featurizer {
    private final FeaturizerSettings settings;
    /** The buckets a fitted idf keeps (idf not 0), or null when idf is off or unfitted: the others are never counted. */
    private final BucketIndex kept;
    /** The idf of each kept bucket, by rank in {@link #kept}; null when idf is off or unfitted. */
    private final KeptIdf keptIdf;
    private final UnaryOperator<Article> scrubber;
    private final Tokenizer tokenizer;
    private final ThreadLocal<Workspace> workspace;
    /** Whether title and body are weighed apart ({@link FeaturizerSettings#titleWeight()} above 0). */
    private final boolean titleApart;

    private Featurizer(FeaturizerSettings settings, double[] idf, UnaryOperator<Article> scrubber) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
        if (idf != null && idf.length != settings.buckets()) {
            throw new IllegalArgumentException("idf has " + idf.length + " values for " + settings.buckets() + " buckets");
        }
        if (idf == null) {
            this.kept = null;
            this.keptIdf = null;
        } else {
            this.kept = BucketIndex.of(idf.length, b -> idf[b] != 0.0);
            double[] byRank = new double[kept.size()];
            int k = 0;
            for (double v : idf) {
                if (v != 0.0) {
                    byRank[k++] = v;
                }
            }
            this.keptIdf = new KeptIdf(byRank);
        }
        this.tokenizer = new Tokenizer(settings.minTokenLength(), settings.dropNumbers());
        this.titleApart = settings.titleWeight() > 0;
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
        List<FeatureVector> docs = new java.util.ArrayList<>();
        trainingTermCounts.forEach(v -> docs.add(perBucket(v)));
        double[] fittedIdf = settings.idf()
                ? InverseDocumentFrequency.fit(docs, null, settings.buckets(), settings.minDf(), settings.minOutlets())
                : null;
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
            docs.add(perBucket(trainingTermCounts.get(i)));
            groups.add(outlets.get(i));
        }
        return new Featurizer(settings, InverseDocumentFrequency.fit(docs, groups, settings.buckets(), settings.minDf(),
                settings.minOutlets()), scrubber);
    }

    /**
     * @param termCounts an article's {@link #termCounts}
     * @return its counts per bucket, title and body together (the same vector when the title has no weight)
     */
    public FeatureVector perBucket(FeatureVector termCounts) {
        return titleApart ? TitleBlend.together(termCounts, settings.buckets()) : termCounts;
    }

    /** @return the settings */
    public FeaturizerSettings settings() {
        return settings;
    }

    /** @return true when idf is fitted or not used */
    public boolean isFitted() {
        return kept != null || !settings.idf();
    }

    /** @return the idf values (0 for dropped buckets), a new array, or null when idf is off or unfitted */
    public double[] idf() {
        if (kept == null) {
            return null;
        }
        double[] out = new double[kept.buckets()];
        int[] members = kept.members();
        for (int k = 0; k < members.length; k++) {
            out[members[k]] = keptIdf.get(k);
        }
        return out;
    }

    /** @return the buckets the fitted idf keeps, or null when idf is off or unfitted */
    public BucketIndex keptBuckets() {
        return kept;
    }

    /**
     * @param bucket a bucket
     * @return its idf, 0 for a dropped bucket, 1 when idf is off
     * @throws IllegalStateException if idf is used but not fitted
     */
    public double idf(int bucket) {
        if (!isFitted()) {
            throw new IllegalStateException("the featurizer's idf is not fitted");
        }
        if (kept == null) {
            return 1.0;
        }
        int r = kept.rank(bucket);
        return r < 0 ? 0.0 : keptIdf.get(r);
    }

    /** @return the scrubber applied before tokenizing */
    public UnaryOperator<Article> scrubber() {
        return scrubber;
    }

    /**
     * Stages 1 to 4: raw counts per bucket. When the title has a weight, the title's counts follow the body's at their
     * bucket plus {@link FeaturizerSettings#buckets()}, so that {@link #weigh} can weigh them apart; {@link #perBucket}
     * adds them up.
     *
     * @param article the article
     * @return term counts, indices increasing
     */
    public FeatureVector termCounts(Article article) {
        Workspace ws = workspace.get();
        ws.counts.keepOnly(null);
        if (!titleApart) {
            count(article, ws, null);
            return ws.counts.drain();
        }
        FeatureVector[] title = new FeatureVector[1];
        count(article, ws, () -> title[0] = ws.counts.drain());
        return TitleBlend.apart(title[0], ws.counts.drain(), settings.buckets());
    }

    /**
     * Counts an article's features into the workspace's counts.
     *
     * @param afterTitle run once the title is counted, before the body, or null
     */
    private void count(Article article, Workspace ws, Runnable afterTitle) {
        try {
            features(article, ws.counts, ws, afterTitle);
        } catch (RuntimeException | Error e) {
            ws.counts.clear();
            throw e;
        }
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
        if (!titleApart) {
            return weighField(counts, settings.l2());
        }
        int buckets = settings.buckets();
        int split = TitleBlend.titleStart(counts, buckets);
        FeatureVector body = weighField(TitleBlend.part(counts, 0, split, 0), true);
        FeatureVector title = weighField(TitleBlend.part(counts, split, counts.size(), buckets), true);
        return TitleBlend.blend(title, body, settings.titleWeight());
    }

    /** Sublinear tf and idf of one run of counts (a field, or title and body together), then L2 if asked. */
    private FeatureVector weighField(FeatureVector counts, boolean l2) {
        int[] in = counts.indices();
        double[] cv = counts.values();
        int[] idx = new int[in.length];
        double[] val = new double[in.length];
        int k = 0;
        double norm = 0;
        for (int i = 0; i < in.length; i++) {
            double w = settings.sublinearTf() ? 1.0 + Math.log(cv[i]) : cv[i];
            if (kept != null) {
                int r = kept.rank(in[i]);
                w *= r < 0 ? 0.0 : keptIdf.get(r);
            }
            if (w != 0.0) {
                idx[k] = in[i];
                val[k] = w;
                norm += w * w;
                k++;
            }
        }
        if (l2 && norm > 0) {
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
        return featurizeCounted(article).vector();
    }

    /**
     * An article's features, with how many of its n-gram occurrences (title and body, after scrubbing) fall in
     * buckets this featurizer keeps: the share of its n-grams the model's vocabulary knows.
     *
     * @param vector      the weighted feature vector, as {@link #featurize} gives it
     * @param ngrams      n-gram occurrences (word n-grams and any character n-grams) of the scrubbed article
     * @param knownNgrams those whose bucket the fitted idf keeps (all of them when idf is off)
     */
    public record Featurized(FeatureVector vector, long ngrams, long knownNgrams) {
        /** Validates. @throws IllegalArgumentException if the counts are out of range */
        public Featurized {
            Objects.requireNonNull(vector, "vector");
            if (ngrams < 0 || knownNgrams < 0 || knownNgrams > ngrams) {
                throw new IllegalArgumentException(knownNgrams + " known of " + ngrams + " n-grams");
            }
        }

        /** @return the share of the n-gram occurrences the vocabulary knows, 0 for an article without any */
        public double knownShare() {
            return ngrams == 0 ? 0.0 : (double) knownNgrams / ngrams;
        }
    }

    /**
     * The share of an article's n-gram occurrences this featurizer's vocabulary keeps, from its term counts: the
     * same share as {@link #featurizeCounted}'s.
     *
     * @param termCounts the article's {@link #termCounts}
     * @return the share, 0 for an article without n-grams
     * @throws IllegalStateException if idf is used but not fitted
     */
    public double knownShare(FeatureVector termCounts) {
        if (!isFitted()) {
            throw new IllegalStateException("the featurizer's idf is not fitted");
        }
        int[] idx = termCounts.indices();
        double[] counts = termCounts.values();
        double all = 0;
        double known = 0;
        int buckets = settings.buckets();
        for (int i = 0; i < idx.length; i++) {
            all += counts[i];
            // A title's counts sit at their bucket plus the bucket count (see termCounts).
            if (kept == null || kept.rank(idx[i] % buckets) >= 0) {
                known += counts[i];
            }
        }
        return all == 0 ? 0.0 : known / all;
    }

    /**
     * The whole pipeline, counting the n-grams the vocabulary knows.
     *
     * @param article the article
     * @return its feature vector and n-gram counts
     * @throws IllegalStateException if idf is used but not fitted
     */
    public Featurized featurizeCounted(Article article) {
        if (!isFitted()) {
            throw new IllegalStateException("the featurizer's idf is not fitted");
        }
        // The same vector as weigh(termCounts(article)), in one pass: buckets the idf drops are never counted (their
        // weight would be 0), and counting, tf, idf and normalization share one array.
        Workspace ws = workspace.get();
        ws.counts.keepOnly(kept == null ? null : kept.bits());
        FeatureVector vector;
        if (!titleApart) {
            count(article, ws, null);
            vector = ws.counts.drainWeighted(kept, keptIdf, settings.sublinearTf(), settings.l2());
        } else {
            FeatureVector[] title = new FeatureVector[1];
            count(article, ws, () -> title[0] = ws.counts.drainWeighted(kept, keptIdf, settings.sublinearTf(), true));
            FeatureVector body = ws.counts.drainWeighted(kept, keptIdf, settings.sublinearTf(), true);
            vector = TitleBlend.blend(title[0], body, settings.titleWeight());
        }
        return new Featurized(vector, ws.counts.offered(), ws.counts.drained());
    }

    private void features(Article article, FeatureSink sink, Workspace ws, Runnable afterTitle) {
        if (settings.scrub() && scrubber instanceof Scrubber s) {
            // Scrubbed straight into the buffer the tokenizer reads: the characters of s.apply(article)'s fields,
            // without the strings and the article that apply builds.
            if (settings.titleMode() != TitleMode.IGNORE) {
                char[] title = ws.buffer(article.title().length());
                field(title, s.scrubInto(article, ArticleField.TITLE, title), titleSalt(), sink, ws);
            }
            if (afterTitle != null) {
                afterTitle.run();
            }
            char[] text = ws.buffer(article.text().length());
            field(text, s.scrubInto(article, ArticleField.TEXT, text), 0, sink, ws);
            return;
        }
        Article a = settings.scrub() ? scrubber.apply(article) : article;
        if (settings.titleMode() != TitleMode.IGNORE) {
            field(a.title(), titleSalt(), sink, ws);
        }
        if (afterTitle != null) {
            afterTitle.run();
        }
        field(a.text(), 0, sink, ws);
    }

    private int titleSalt() {
        return settings.titleMode() == TitleMode.SEPARATE ? FeatureHash.TITLE_SALT : 0;
    }

    private void field(String text, int salt, FeatureSink sink, Workspace ws) {
        char[] chars = ws.buffer(text.length());
        text.getChars(0, text.length(), chars, 0);
        field(chars, text.length(), salt, sink, ws);
    }

    private void field(char[] chars, int n, int salt, FeatureSink sink, Workspace ws) {
        if (ws.rawChars != null) {
            ws.rawChars.emit(chars, n, salt, sink);
        }
        ws.ngrams.startField(chars, salt, sink);
        tokenizer.tokenize(chars, n, ws.ngrams);
    }

    /** Per-thread scratch space. */
    private static final class Workspace {
        /** The largest character buffer a thread keeps between articles (2 MB); a longer field gets its own. */
        static final int MAX_KEPT_CHARS = 1 << 20;
        final NgramStage ngrams;
        /** Character n-grams of the raw text, or null when off. */
        final RawCharStage rawChars;
        final TermCounts counts;
        /** The field being tokenized, copied once (the tokenizer reads an array faster than a String). */
        char[] chars = new char[8192];

        /**
         * @param length a field's length
         * @return {@link #chars}, replaced by a larger array first if it is shorter than that (and kept for the
         *         next field if at most {@link #MAX_KEPT_CHARS} long)
         */
        char[] buffer(int length) {
            if (chars.length >= length) {
                return chars;
            }
            char[] larger = new char[Math.max(length, Math.min(MAX_KEPT_CHARS, chars.length * 2))];
            if (larger.length <= MAX_KEPT_CHARS) {
                chars = larger;
            }
            return larger;
        }

        Workspace(FeaturizerSettings settings) {
            this.ngrams = new NgramStage(settings);
            this.rawChars = settings.rawCharNgrams() ? new RawCharStage(settings) : null;
            this.counts = new TermCounts(settings.buckets());
        }
    }
}
