package dev.slant.inference.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The featurizer's fast path (array tokenizer, one-pass counting, coded idf) gives bit for bit the vector of the
 * pipeline as {@link FeatureHash} and {@link Featurizer} define it, computed here the plain way: tokens character by
 * character, n-gram hashes from a list, counts in a sorted map, idf straight from {@link InverseDocumentFrequency}, and a
 * weighed title as its definition says: title and body each to unit length, the title's times its weight added.
 */
class ReferenceFeaturizeTest {
    private static final FeaturizerSettings BASE = FeaturizerSettings.DEFAULTS.withScrub(false).withMinOutlets(1);

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("defaults, 2^20 buckets", BASE),
                Arguments.of("title and body under one norm", BASE.withTitleWeight(0)),
                Arguments.of("3001 buckets, title weighed 1.7", BASE.withBuckets(3001).withTitleWeight(1.7)),
                Arguments.of("2^12 buckets, words 1-3", BASE.withBuckets(1 << 12).withWordNgrams(1, 3)),
                Arguments.of("3001 buckets, title joined", BASE.withBuckets(3001).withTitleMode(TitleMode.JOIN)),
                Arguments.of("words 2-3, title ignored", BASE.withWordNgrams(2, 3).withTitleMode(TitleMode.IGNORE)));
    }

    /** Varied text: unicode letters and digits, empty titles, a very long body, repeated words. */
    private static List<Article> articles(long seed) {
        Random r = new Random(seed);
        String[] words = {"Tax", "cuts", "SENATE", "vote", "a", "in", "2019", "économie", "Zürich", "naïve", "москва",
                "東京", "o'Neil", "U.S.", "health-care", "x1", "“quoted”", "it’s", "١٢", "😀", "ǅemal", "—", "Fox", "News"};
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder text = new StringBuilder();
            int len = i == 0 ? 0 : i == 1 ? 60_000 : 1 + r.nextInt(400);
            for (int w = 0; w < len; w++) {
                text.append(words[r.nextInt(words.length)]).append(r.nextInt(10) == 0 ? ".\n" : r.nextInt(7) == 0 ? ", " : " ");
            }
            String title = i % 5 == 0 ? "" : words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)];
            out.add(Article.of("a" + i, title, text.toString()));
        }
        return out;
    }

    private static List<Integer> tokenHashes(String text, FeaturizerSettings s) {
        List<Integer> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean digit = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                token.append(Character.toLowerCase(c));
                digit |= Character.isDigit(c);
            } else {
                if (token.length() >= s.minTokenLength() && !(digit && s.dropNumbers())) {
                    out.add(FeatureHash.token(token));
                }
                token.setLength(0);
                digit = false;
            }
        }
        return out;
    }

    private static void count(String text, int salt, FeaturizerSettings s, Map<Integer, Integer> counts) {
        List<Integer> tokens = tokenHashes(text, s);
        for (int end = 1; end <= tokens.size(); end++) {
            for (int n = s.wordMinN(); n <= s.wordMaxN() && n <= end; n++) {
                int g = tokens.get(end - n);
                for (int k = end - n + 1; k < end; k++) {
                    g = FeatureHash.chain(g, tokens.get(k));
                }
                if (salt != 0) {
                    g = FeatureHash.fmix32(g ^ salt);
                }
                counts.merge(FeatureHash.bucket(g, s.buckets()), 1, Integer::sum);
            }
        }
    }

    private static TreeMap<Integer, Integer> counts(Article a, FeaturizerSettings s) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        if (s.titleMode() != TitleMode.IGNORE) {
            count(a.title(), s.titleMode() == TitleMode.SEPARATE ? FeatureHash.TITLE_SALT : 0, s, counts);
        }
        count(a.text(), 0, s, counts);
        return counts;
    }

    private static TreeMap<Integer, Integer> titleCounts(Article a, FeaturizerSettings s) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        count(a.title(), FeatureHash.TITLE_SALT, s, counts);
        return counts;
    }

    private static TreeMap<Integer, Integer> bodyCounts(Article a, FeaturizerSettings s) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        count(a.text(), 0, s, counts);
        return counts;
    }

    /** Sublinear tf-idf of some counts, scaled to unit length: bucket to value, buckets of zero weight left out. */
    private static TreeMap<Integer, Double> unitTfIdf(Map<Integer, Integer> counts, double[] idf) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        double norm = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double w = (1.0 + Math.log(e.getValue())) * idf[e.getKey()];
            if (w != 0.0) {
                out.put(e.getKey(), w);
                norm += w * w;
            }
        }
        double inv = norm > 0 ? 1.0 / Math.sqrt(norm) : 0;
        out.replaceAll((b, w) -> w * inv);
        return out;
    }

    private static FeatureVector asVector(TreeMap<Integer, Integer> counts) {
        int[] idx = new int[counts.size()];
        double[] val = new double[counts.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            idx[k] = e.getKey();
            val[k++] = e.getValue();
        }
        return new FeatureVector(idx, val);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void featurizeEqualsThePlainPipeline(String name, FeaturizerSettings s) {
        List<Article> training = articles(11);
        List<FeatureVector> trainingCounts = new ArrayList<>();
        for (Article a : training) {
            trainingCounts.add(asVector(counts(a, s)));
        }
        double[] idf = InverseDocumentFrequency.fit(trainingCounts, null, s.buckets(), s.minDf(), s.minOutlets());
        Featurizer featurizer = Featurizer.unfitted(s, UnaryOperator.identity());
        List<FeatureVector> fastCounts = new ArrayList<>();
        for (Article a : training) {
            fastCounts.add(featurizer.termCounts(a));
        }
        assertArrayEquals(trainingCounts.toArray(), fastCounts.stream().map(featurizer::perBucket).toArray(), "term counts");
        Featurizer fitted = featurizer.fit(fastCounts);
        int nonEmpty = 0;
        List<Article> test = new ArrayList<>(articles(12));
        test.addAll(training.subList(0, 5));
        for (Article a : test) {
            TreeMap<Integer, Double> weighed;
            if (s.titleWeight() > 0) {
                TreeMap<Integer, Double> title = unitTfIdf(titleCounts(a, s), idf);
                TreeMap<Integer, Double> body = unitTfIdf(bodyCounts(a, s), idf);
                TreeMap<Integer, Double> sum = new TreeMap<>();
                for (Map.Entry<Integer, Double> e : title.entrySet()) {
                    sum.put(e.getKey(), s.titleWeight() * e.getValue() + body.getOrDefault(e.getKey(), 0.0));
                }
                body.forEach(sum::putIfAbsent);
                double norm = 0;
                for (double v : sum.values()) {
                    norm += v * v;
                }
                double inv = norm > 0 ? 1.0 / Math.sqrt(norm) : 0;
                sum.replaceAll((b, v) -> v * inv);
                weighed = sum;
            } else {
                weighed = unitTfIdf(counts(a, s), idf);
            }
            FeatureVector expected = new FeatureVector(weighed.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    weighed.values().stream().mapToDouble(Double::doubleValue).toArray());
            FeatureVector actual = fitted.featurize(a);
            assertArrayEquals(expected.indices(), actual.indices(), a.id());
            long[] expectedBits = java.util.Arrays.stream(expected.values()).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] actualBits = java.util.Arrays.stream(actual.values()).mapToLong(Double::doubleToRawLongBits).toArray();
            assertArrayEquals(expectedBits, actualBits, a.id());
            nonEmpty += actual.size() > 0 ? 1 : 0;
        }
        assertTrue(nonEmpty > 40, "most test articles have features: " + nonEmpty);
    }
}
