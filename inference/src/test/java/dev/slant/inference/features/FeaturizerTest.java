package dev.slant.inference.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FeaturizerTest {
    private static final FeaturizerSettings RAW = FeaturizerSettings.DEFAULTS.withScrub(false).withMinOutlets(1)
            .withBuckets(1 << 16).withTitleMode(TitleMode.IGNORE);

    private static int bucket(String... tokens) {
        int g = FeatureHash.token(tokens[0]);
        for (int i = 1; i < tokens.length; i++) {
            g = FeatureHash.chain(g, FeatureHash.token(tokens[i]));
        }
        return FeatureHash.bucket(g, RAW.buckets());
    }

    private static double count(FeatureVector v, int bucket) {
        for (int i = 0; i < v.size(); i++) {
            if (v.indices()[i] == bucket) {
                return v.values()[i];
            }
        }
        return 0;
    }

    @Test
    void countsLowercasedWordsAndBigramsDroppingNumbersAndShortTokens() {
        Article article = Article.of("a", "", "Tax cuts, TAX cuts! In 2019 a bill.");
        Featurizer f = Featurizer.unfitted(RAW.withMinTokenLength(2), UnaryOperator.identity());
        FeatureVector v = f.termCounts(article);
        assertEquals(2.0, count(v, bucket("tax")));
        assertEquals(2.0, count(v, bucket("tax", "cuts")));
        assertEquals(1.0, count(v, bucket("cuts", "tax")));
        assertEquals(0.0, count(v, bucket("2019")));
        assertEquals(0.0, count(v, bucket("a")));
        // "in" then "bill": the dropped number and the one-letter token do not break the bigram chain.
        assertEquals(1.0, count(v, bucket("in", "bill")));

        // The default keeps tokens of three or more characters: "in" goes too, and "cuts" then "bill" is a bigram.
        assertEquals(3, RAW.minTokenLength());
        FeatureVector d = Featurizer.unfitted(RAW, UnaryOperator.identity()).termCounts(article);
        assertEquals(0.0, count(d, bucket("in")));
        assertEquals(0.0, count(d, bucket("in", "bill")));
        assertEquals(1.0, count(d, bucket("cuts", "bill")));
        assertEquals(2.0, count(d, bucket("tax", "cuts")));
    }

    @Test
    void aSeparateTitleNeverSharesBucketsWithTheBody() {
        FeaturizerSettings s = RAW.withTitleMode(TitleMode.SEPARATE);
        FeatureVector v = Featurizer.unfitted(s, UnaryOperator.identity()).termCounts(Article.of("a", "senate", "senate"));
        assertEquals(2, v.size());
        assertEquals(1.0, count(v, bucket("senate")));
    }

    @Test
    void weighingIsSublinearTfIdfThenUnitLength() {
        Featurizer unfitted = Featurizer.unfitted(RAW.withWordNgrams(1, 1), UnaryOperator.identity());
        List<FeatureVector> train = List.of(
                unfitted.termCounts(Article.of("1", "", "vote vote vote senate")),
                unfitted.termCounts(Article.of("2", "", "senate house")),
                unfitted.termCounts(Article.of("3", "", "vote senate")));
        Featurizer f = unfitted.fit(train);
        FeatureVector v = f.featurize(Article.of("x", "", "vote vote vote senate house"));
        // df: vote 2, senate 3, house 1 (dropped by minDf 2). idf = ln((1+3)/(1+df)) + 1.
        double vote = (1 + Math.log(3)) * (Math.log(4.0 / 3) + 1);
        double senate = Math.log(4.0 / 4) + 1;
        double norm = Math.sqrt(vote * vote + senate * senate);
        assertEquals(2, v.size());
        assertEquals(vote / norm, count(v, bucket("vote")), 1e-12);
        assertEquals(senate / norm, count(v, bucket("senate")), 1e-12);
    }

    private static int rawBucket(String gram) {
        int h = FeatureHash.FNV_OFFSET;
        for (int i = 0; i < gram.length(); i++) {
            h = FeatureHash.step(h, gram.charAt(i));
        }
        return FeatureHash.bucket(FeatureHash.fmix32(FeatureHash.fmix32(h) ^ FeatureHash.RAW_CHAR_SALT), RAW.buckets());
    }

    @Test
    void rawCharacterNgramsKeepCaseAndPunctuationAndCollapseSpaces() {
        Featurizer f = Featurizer.unfitted(RAW.withRawCharNgrams(2, 3), UnaryOperator.identity());
        // "Go" and "on" are too short to be word tokens: only the raw n-grams of "Go  on.\n" (one space) remain.
        FeatureVector v = f.termCounts(Article.of("a", "", "Go  on.\n"));
        List<String> grams = List.of("Go", "o ", " o", "on", "n.", ". ", "Go ", "o o", " on", "on.", "n. ");
        assertEquals(grams.size(), v.size(), "distinct raw n-grams");
        for (String g : grams) {
            assertEquals(1.0, count(v, rawBucket(g)), "'" + g + "'");
        }
        assertEquals(0.0, count(v, rawBucket("go")), "case is kept");
        assertEquals(0.0, count(v, rawBucket("  ")), "a run of spaces is one space");
    }

    /** The squared length of the features of v that are not among the body-only vector's buckets. */
    private static double titleShare(FeatureVector v, FeatureVector bodyOnly) {
        java.util.Set<Integer> body = new java.util.HashSet<>();
        for (int b : bodyOnly.indices()) {
            body.add(b);
        }
        double sq = 0;
        for (int i = 0; i < v.size(); i++) {
            sq += body.contains(v.indices()[i]) ? 0 : v.values()[i] * v.values()[i];
        }
        return sq;
    }

    @Test
    void aWeighedTitleKeepsItsShareWhateverTheBodysLength() {
        String shortBody = "tax cuts house";
        String longBody = "tax cuts house vote budget deficit spending senate floor debate ".repeat(20);
        for (double w : new double[] {0.5, 2.0}) {
            FeaturizerSettings s = RAW.withTitleMode(TitleMode.SEPARATE).withTitleWeight(w).withWordNgrams(1, 1);
            Featurizer unfitted = Featurizer.unfitted(s, UnaryOperator.identity());
            FeatureVector first = unfitted.termCounts(Article.of("1", "pipeline approved", longBody));
            Featurizer f = unfitted.fit(List.of(first, first)); // every n-gram in 2 documents, as min_df 2 asks
            for (String body : List.of(shortBody, longBody)) {
                FeatureVector v = f.featurize(Article.of("x", "pipeline approved", body));
                double share = titleShare(v, f.featurize(Article.of("y", "", body)));
                assertEquals(w * w / (1 + w * w), share, 1e-12, "title weight " + w + ", body of " + body.length() + " chars");
            }
        }
        // Under one norm the title's share shrinks as the body grows.
        FeaturizerSettings one = RAW.withTitleMode(TitleMode.SEPARATE).withWordNgrams(1, 1);
        Featurizer unfitted = Featurizer.unfitted(one, UnaryOperator.identity());
        FeatureVector first = unfitted.termCounts(Article.of("1", "pipeline approved", longBody));
        Featurizer f = unfitted.fit(List.of(first, first));
        double shortShare = titleShare(f.featurize(Article.of("x", "pipeline approved", shortBody)), f.featurize(Article.of("y", "", shortBody)));
        double longShare = titleShare(f.featurize(Article.of("x", "pipeline approved", longBody)), f.featurize(Article.of("y", "", longBody)));
        assertTrue(longShare < shortShare / 2, shortShare + " then " + longShare);
    }

    @Test
    void aWeighedTitlesCountsFollowTheBodysAndAddUpPerBucket() {
        FeaturizerSettings s = RAW.withTitleMode(TitleMode.SEPARATE).withTitleWeight(0.5);
        Article a = Article.of("a", "Senate vote on tax", "the senate passed the tax bill, tax cuts for all");
        Featurizer weighed = Featurizer.unfitted(s, UnaryOperator.identity());
        FeatureVector counts = weighed.termCounts(a);
        int titleCounts = 0;
        for (int b : counts.indices()) {
            titleCounts += b >= s.buckets() ? 1 : 0;
        }
        assertEquals(5, titleCounts, "senate, vote, tax, senate vote, vote tax");
        assertEquals(Featurizer.unfitted(s.withTitleWeight(0), UnaryOperator.identity()).termCounts(a), weighed.perBucket(counts));
    }

    @Test
    void ngramsOfTooFewOutletsAreDropped() {
        Featurizer unfitted = Featurizer.unfitted(RAW.withWordNgrams(1, 1).withMinOutlets(2), UnaryOperator.identity());
        List<FeatureVector> train = new ArrayList<>();
        List<String> outlets = new ArrayList<>();
        // "reprint" appears 3 times, all in outlet A; "senate" in A and B (interleaved, to check grouping).
        String[][] docs = {{"A", "reprint senate"}, {"B", "senate"}, {"A", "reprint"}, {"A", "reprint senate"}};
        for (String[] d : docs) {
            train.add(unfitted.termCounts(Article.of(d[0] + train.size(), "", d[1])));
            outlets.add(d[0]);
        }
        Featurizer f = unfitted.fit(train, outlets);
        FeatureVector v = f.featurize(Article.of("x", "", "reprint senate"));
        assertEquals(1, v.size());
        assertEquals(1.0, count(v, bucket("senate")), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> unfitted.fit(train, outlets.subList(0, 3)));
    }

    @Test
    void settingsNameWhatIsOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RAW.withWordNgrams(2, 1));
        assertTrue(e.getMessage().contains("word n-gram range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RAW.withMinOutlets(0));
        assertEquals("minOutlets must be at least 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RAW.withTitleWeight(0.5));
        assertEquals("titleWeight 0.5 weighs the title apart, which needs title mode SEPARATE and l2 (title mode IGNORE, "
                + "l2 true); 0 turns it off", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FeaturizerSettings.DEFAULTS.withTitleWeight(-1));
        assertEquals("titleWeight must be 0 or a positive finite number, got -1.0", e.getMessage());
        assertEquals(0.0, FeaturizerSettings.DEFAULTS.withTitleMode(TitleMode.JOIN).titleWeight(), "a joined title has no weight");
    }
}
