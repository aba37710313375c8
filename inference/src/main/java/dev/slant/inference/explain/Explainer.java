package dev.slant.inference.explain;

import dev.slant.datasets.Article;
import dev.slant.datasets.text.SentenceSplitter;
import dev.slant.datasets.text.Span;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.TitleMode;
import dev.slant.inference.score.LinearScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Explains predictions of linear models exactly. A label's decision value is its bias plus, over the features the
 * model knows, weight times value; each such product is one n-gram's contribution. The featurizer's
 * {@link Featurizer#spans} gives every occurrence of every feature with its place in the text, which names each
 * bucket by its n-gram texts and spreads its contribution evenly over its occurrences; summing the occurrences per
 * sentence of the sentence view ({@link SentenceSplitter}; the title counts as one sentence) gives the sentences'
 * contributions, which add up to the same total.
 *
 * <p>Immutable and thread-safe.
 */
public final class Explainer {
    private static final Comparator<NgramContribution> NGRAM_ORDER = Comparator
            .comparingDouble(NgramContribution::contribution).reversed()
            .thenComparingInt(NgramContribution::bucket);
    private static final Comparator<SentenceContribution> SENTENCE_ORDER = Comparator
            .comparingDouble(SentenceContribution::contribution).reversed()
            .thenComparing(SentenceContribution::field, Comparator.reverseOrder())
            .thenComparingInt(SentenceContribution::index);

    private final Featurizer featurizer;
    private final Map<String, LinearScorer> scorers;
    private final SentenceSplitter splitter = new SentenceSplitter();

    /**
     * @param featurizer the featurizer the models were trained with
     * @param scorers    each target's scorer
     */
    public Explainer(Featurizer featurizer, Map<String, LinearScorer> scorers) {
        this.featurizer = Objects.requireNonNull(featurizer, "featurizer");
        this.scorers = Map.copyOf(scorers);
    }

    /**
     * Explains each labelled target of a prediction.
     *
     * @param article    the article
     * @param features   its feature vector, made by the featurizer
     * @param prediction its prediction from those features
     * @param k          how many n-grams and sentences to keep per target (1 or more; a k above their number
     *                   keeps all)
     * @return the explanation of each target that did not abstain, in the prediction's target order
     * @throws IllegalArgumentException if k is below 1 or the prediction names a target without a scorer
     */
    public Map<String, Explanation> explain(Article article, FeatureVector features, Prediction prediction, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Seen seen = new Seen(article, features);
        Map<String, Explanation> out = new LinkedHashMap<>();
        for (TargetPrediction t : prediction.targets()) {
            if (t.abstained()) {
                continue;
            }
            LinearScorer scorer = scorers.get(t.target());
            if (scorer == null) {
                throw new IllegalArgumentException("no scorer for target " + t.target());
            }
            out.put(t.target(), seen.explain(t.target(), scorer, t.label(), k));
        }
        return out;
    }

    /**
     * Explains one label of one target, predicted or not, exactly as {@link #explain(Article, FeatureVector,
     * Prediction, int)} explains a predicted label: for a label the model did not predict, the n-grams and sentences
     * that pushed towards it (positive) and away from it (negative).
     *
     * @param article  the article
     * @param features its feature vector, made by the featurizer
     * @param target   the target
     * @param label    one of its labels
     * @param k        how many n-grams and sentences to keep (1 or more; a k above their number keeps all)
     * @return the explanation; with no n-gram when the model knows none of the article's features (the decision
     *         value is then the bias)
     * @throws IllegalArgumentException if k is below 1, or the target or label is unknown
     */
    public Explanation explain(Article article, FeatureVector features, String target, String label, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        LinearScorer scorer = scorers.get(target);
        if (scorer == null) {
            throw new IllegalArgumentException("no target '" + target + "'; known: " + scorers.keySet());
        }
        if (!scorer.labels().contains(label)) {
            throw new IllegalArgumentException("target " + target + " has no label '" + label + "'; its labels: " + scorer.labels());
        }
        return new Seen(article, features).explain(target, scorer, label, k);
    }

    /** An article as the featurizer saw it: every feature occurrence, its sentence, and the bucket names. */
    private final class Seen {
        final FeatureVector features;
        final Occurrences occ = new Occurrences();
        final Buckets buckets;
        final List<String> sentenceTexts;
        final int[] sentenceOf;
        final String title;

        Seen(Article article, FeatureVector features) {
            this.features = features;
            Article seen = featurizer.spans(article, (b, s, e) -> occ.add(b, true, s, e), (b, s, e) -> occ.add(b, false, s, e));
            buckets = new Buckets(features, occ, seen, featurizer.settings().titleMode() == TitleMode.SEPARATE);
            List<Span> sentenceSpans = splitter.spans(seen.text());
            sentenceTexts = splitter.split(seen.text());
            int[] sentenceStarts = sentenceSpans.stream().mapToInt(Span::start).toArray();
            sentenceOf = new int[occ.size];
            for (int i = 0; i < occ.size; i++) {
                sentenceOf[i] = occ.title[i] ? -1 : sentenceIndex(sentenceStarts, occ.start[i]);
            }
            title = seen.title();
        }

        Explanation explain(String target, LinearScorer scorer, String labelName, int k) {
            int label = scorer.labels().indexOf(labelName);
            double[] decision = new double[scorer.labels().size()];
            scorer.decisionValues(features, decision);

            double[] perBucket = new double[features.size()];
            List<NgramContribution> ngrams = new ArrayList<>();
            int[] idx = features.indices();
            double[] val = features.values();
            double scale = scorer.valueScale(features);
            for (int i = 0; i < idx.length; i++) {
                if (!scorer.knows(idx[i])) {
                    continue;
                }
                double w = scorer.weight(idx[i], label);
                double x = val[i] * scale;
                perBucket[i] = w * x;
                ngrams.add(new NgramContribution(idx[i], buckets.names(i), buckets.count[i], x, w, perBucket[i]));
            }
            ngrams.sort(NGRAM_ORDER);

            double titleTotal = 0;
            double[] sentenceTotals = new double[sentenceTexts.size()];
            boolean titleSeen = false;
            for (int o = 0; o < occ.size; o++) {
                int i = buckets.positionOf(occ.bucket[o]);
                if (i < 0 || perBucket[i] == 0.0) {
                    continue;
                }
                double share = perBucket[i] / buckets.count[i];
                if (sentenceOf[o] < 0) {
                    titleTotal += share;
                    titleSeen = true;
                } else {
                    sentenceTotals[sentenceOf[o]] += share;
                }
            }
            List<SentenceContribution> sentences = new ArrayList<>();
            if (titleSeen) {
                sentences.add(new SentenceContribution(SentenceContribution.TITLE, 0, oneLine(title), titleTotal));
            }
            for (int s = 0; s < sentenceTotals.length; s++) {
                sentences.add(new SentenceContribution(SentenceContribution.TEXT, s, sentenceTexts.get(s), sentenceTotals[s]));
            }
            sentences.sort(SENTENCE_ORDER);
            return new Explanation(target, labelName, decision[label], scorer.bias(label), top(ngrams, k), top(sentences, k));
        }
    }

    private static <T> List<T> top(List<T> sorted, int k) {
        return sorted.size() <= k ? sorted : sorted.subList(0, k);
    }

    /** The sentence holding an offset: the last one starting at or before it (the first if none does). */
    private static int sentenceIndex(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        if (i >= 0) {
            return i;
        }
        return Math.max(0, -i - 2);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Every feature occurrence: bucket, field, span. */
    private static final class Occurrences {
        int size;
        int[] bucket = new int[256];
        boolean[] title = new boolean[256];
        int[] start = new int[256];
        int[] end = new int[256];

        void add(int b, boolean inTitle, int s, int e) {
            if (size == bucket.length) {
                int n = size * 2;
                bucket = Arrays.copyOf(bucket, n);
                title = Arrays.copyOf(title, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
            }
            bucket[size] = b;
            title[size] = inTitle;
            start[size] = s;
            end[size] = e;
            size++;
        }
    }

    /** Per feature of the vector: its occurrences and the n-gram texts that name it. */
    private static final class Buckets {
        final int[] indices;
        final int[] count;
        final List<Set<String>> texts;

        Buckets(FeatureVector features, Occurrences occ, Article seen, boolean titleApart) {
            this.indices = features.indices();
            this.count = new int[indices.length];
            this.texts = new ArrayList<>(indices.length);
            for (int i = 0; i < indices.length; i++) {
                texts.add(new LinkedHashSet<>());
            }
            for (int o = 0; o < occ.size; o++) {
                int i = positionOf(occ.bucket[o]);
                if (i < 0) {
                    continue;
                }
                count[i]++;
                Set<String> names = texts.get(i);
                if (names.size() < NgramContribution.MAX_NAMES) {
                    String field = occ.title[o] ? seen.title() : seen.text();
                    String text = field.substring(occ.start[o], occ.end[o]).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    names.add(occ.title[o] && titleApart ? NgramContribution.TITLE_PREFIX + text : text);
                }
            }
        }

        int positionOf(int bucket) {
            return Arrays.binarySearch(indices, bucket);
        }

        List<String> names(int i) {
            return List.copyOf(texts.get(i));
        }
    }
}
