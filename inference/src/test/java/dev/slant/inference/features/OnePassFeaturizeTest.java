package dev.slant.inference.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Featurizer#featurize} takes one pass (dropped buckets never counted, weighing fused into draining); it
 * must give bit for bit the vector of the stage-by-stage {@code weigh(termCounts(article))}, whatever the settings.
 */
class OnePassFeaturizeTest {
    private static final FeaturizerSettings BASE = FeaturizerSettings.DEFAULTS.withScrub(false).withMinOutlets(1)
            .withBuckets(1 << 12);

    static Stream<Arguments> settings() {
        String h = FeaturizerSettings.HASH_SCHEME;
        return Stream.of(
                Arguments.of("defaults, 2^12 buckets", BASE),
                Arguments.of("buckets not a power of two", BASE.withBuckets(3001)),
                Arguments.of("words 1-3", BASE.withWordNgrams(1, 3)),
                Arguments.of("words 2-4 only", BASE.withWordNgrams(2, 4)),
                Arguments.of("character 2-4 grams", BASE.withCharNgrams(2, 4)),
                Arguments.of("raw character 2-4 grams", BASE.withRawCharNgrams(2, 4)),
                Arguments.of("raw character 1-3 grams, 3001 buckets", BASE.withRawCharNgrams(1, 3).withBuckets(3001)),
                Arguments.of("title and body under one norm", BASE.withTitleWeight(0)),
                Arguments.of("title weighed 2", BASE.withTitleWeight(2)),
                Arguments.of("title joined", BASE.withTitleMode(TitleMode.JOIN)),
                Arguments.of("title ignored", BASE.withTitleMode(TitleMode.IGNORE)),
                Arguments.of("raw tf, no idf, no l2", new FeaturizerSettings(h, 1, 2, 0, 0, 0, 0, TitleMode.SEPARATE, 0, 1 << 10, 1,
                        false, false, false, 1, 1, false, false)),
                Arguments.of("sublinear tf, no idf, l2", new FeaturizerSettings(h, 1, 2, 0, 0, 0, 0, TitleMode.SEPARATE, 0, 1 << 10, 2,
                        true, true, false, 1, 1, true, false)),
                Arguments.of("min_df 3", new FeaturizerSettings(h, 1, 2, 0, 0, 0, 0, TitleMode.SEPARATE, 0, 1 << 14, 2,
                        true, true, true, 3, 1, true, false)));
    }

    /** Varied text: repeated words (counts above 255 too), numbers, short tokens, accents, other scripts. */
    private static List<Article> articles(int n, long seed) {
        Random r = new Random(seed);
        String[] words = {"tax", "cuts", "senate", "vote", "Bill", "a", "in", "2019", "économie", "Zürich", "naïve",
                "москва", "東京", "o'neil", "U.S.", "health-care", "x1", "THE", "of", "climate"};
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            int len = i == 0 ? 0 : i == 1 ? 1200 : 1 + r.nextInt(300);
            for (int w = 0; w < len; w++) {
                text.append(i == 1 ? "again" : words[r.nextInt(words.length)]).append(r.nextInt(12) == 0 ? ".\n" : " ");
            }
            out.add(Article.of("a" + i, words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)], text.toString()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void featurizeIsWeighOfTermCountsBitForBit(String name, FeaturizerSettings settings) {
        Featurizer unfitted = Featurizer.unfitted(settings, UnaryOperator.identity());
        List<FeatureVector> counts = new ArrayList<>();
        for (Article a : articles(60, 1)) {
            counts.add(unfitted.termCounts(a));
        }
        Featurizer fitted = unfitted.fit(counts);
        int compared = 0;
        for (Article a : articles(80, 2)) {
            FeatureVector oneLoop = fitted.featurize(a);
            FeatureVector staged = fitted.weigh(fitted.termCounts(a));
            assertEquals(staged, oneLoop, name + ": article " + a.id());
            compared += oneLoop.size() > 0 ? 1 : 0;
        }
        assertTrue(compared > 70, "most articles have features");
    }

    @Test
    void thousandsOfDistinctWordsAreCountedExactly() {
        FeaturizerSettings s = BASE.withWordNgrams(1, 1).withTitleMode(TitleMode.IGNORE).withBuckets(1 << 20)
                .withMinTokenLength(2);
        java.util.Map<Integer, Double> expected = new java.util.TreeMap<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            String word = letters(i);
            for (int r = 0; r <= i % 3; r++) {
                text.append(word).append(' ');
                expected.merge(FeatureHash.bucket(FeatureHash.token(word), s.buckets()), 1.0, Double::sum);
            }
        }
        Featurizer f = Featurizer.unfitted(s, UnaryOperator.identity());
        FeatureVector v = f.termCounts(Article.of("many", "", text.toString()));
        java.util.Map<Integer, Double> actual = new java.util.TreeMap<>();
        for (int i = 0; i < v.size(); i++) {
            actual.put(v.indices()[i], v.values()[i]);
        }
        assertEquals(expected, actual);
        // The per-thread table is cleared: the next article counts from zero.
        FeatureVector next = f.termCounts(Article.of("one", "", "senate wa"));
        assertEquals(2, next.size());
        assertEquals(1.0, next.values()[0]);
        assertEquals(1.0, next.values()[1]);
    }

    /** A letters-only word per number (tokens with digits are dropped). */
    private static String letters(int i) {
        StringBuilder sb = new StringBuilder("w");
        do {
            sb.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return sb.toString();
    }

    @Test
    void aWordTrigramChainsItsTokensHashes() {
        FeaturizerSettings s = BASE.withWordNgrams(3, 3).withTitleMode(TitleMode.IGNORE).withBuckets(1 << 16);
        FeatureVector v = Featurizer.unfitted(s, UnaryOperator.identity()).termCounts(Article.of("a", "", "Tax cuts for all, tax cuts"));
        int g = FeatureHash.chain(FeatureHash.chain(FeatureHash.token("tax"), FeatureHash.token("cuts")), FeatureHash.token("for"));
        int i = java.util.Arrays.binarySearch(v.indices(), FeatureHash.bucket(g, s.buckets()));
        assertTrue(i >= 0, "the trigram 'tax cuts for' is counted");
        assertEquals(1.0, v.values()[i]);
        // tax cuts for / cuts for all / for all tax / all tax cuts
        assertEquals(4, v.size());
    }
}
