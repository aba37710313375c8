package dev.slant.datasets.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** 1,000 articles: 600 "a", 400 "b"; outlet i % 20 (www.outletN.com, some as sub-hosts). */
    private static List<LabelledArticle> corpus() {
        List<LabelledArticle> list = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int outlet = i % 20;
            String host = (i % 3 == 0 ? "blogs." : "www.") + "outlet" + outlet + ".com";
            Article a = new Article("id" + i, "t", "text " + i, Map.of(Article.HOST, host));
            list.add(new LabelledArticle(a, Labels.single(Map.of("stance", i % 5 < 3 ? "a" : "b"))));
        }
        return list;
    }

    @Test
    void stratifiedKeepsLabelSharesInEveryPart() {
        Split s = new Splitter(corpus(), UnaryOperator.identity()).stratified("r", "stance", new Fractions(0.1, 0.2), 7);
        assertEquals(Map.of(Part.TRAIN, 700, Part.VALID, 100, Part.TEST, 200), s.sizes());
        long testA = s.ids(Part.TEST).stream().filter(id -> Integer.parseInt(id.substring(2)) % 5 < 3).count();
        assertEquals(120, testA);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Splitter splitter = new Splitter(corpus(), UnaryOperator.identity());
        Fractions f = Fractions.DEFAULT;
        assertEquals(splitter.stratified("r", "stance", f, 1), splitter.stratified("r", "stance", f, 1));
        assertNotEquals(splitter.stratified("r", "stance", f, 1).ids(Part.TEST), splitter.stratified("r", "stance", f, 2).ids(Part.TEST));
    }

    @Test
    void duplicatesStayOnOneSide() {
        // id0..id9 are copies of one text: they must share a part in every split.
        UnaryOperator<String> dup = id -> Integer.parseInt(id.substring(2)) < 10 ? "id0" : id;
        Splitter splitter = new Splitter(corpus(), dup);
        for (long seed = 0; seed < 20; seed++) {
            Split s = splitter.stratified("r", "stance", new Fractions(0.3, 0.3), seed);
            Set<Part> parts = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                parts.add(s.partOf("id" + i).orElseThrow());
            }
            assertEquals(1, parts.size(), "seed " + seed);
        }
    }

    @Test
    void outletDisjointSplitPutsNoOutletOnTwoSides() {
        Split s = new Splitter(corpus(), UnaryOperator.identity()).outletDisjoint("o", Fractions.DEFAULT, 3);
        assertOutletDisjoint(s);
        assertEquals(100, s.sizes().get(Part.TEST));
    }

    @Test
    void outletFoldsTestEveryArticleOnceAndNeverShareOutlets() {
        List<Split> folds = new Splitter(corpus(), UnaryOperator.identity()).outletFolds(5, 0.2, 11);
        assertEquals(5, folds.size());
        Map<String, Integer> tested = new HashMap<>();
        for (Split fold : folds) {
            assertOutletDisjoint(fold);
            assertEquals(200, fold.sizes().get(Part.TEST), fold.name());
            assertTrue(fold.sizes().get(Part.VALID) > 0, fold.name());
            fold.ids(Part.TEST).forEach(id -> tested.merge(id, 1, Integer::sum));
        }
        assertEquals(1000, tested.size());
        assertTrue(tested.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void rejectsImpossibleFoldCounts() {
        Splitter splitter = new Splitter(corpus(), UnaryOperator.identity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> splitter.outletFolds(21, 0.1, 1));
        assertEquals("outlet folds need 2 <= k <= outlets (20), got 21", e.getMessage());
    }

    @Test
    void registeredDomainJoinsHostsOfOneOutlet() {
        assertEquals("cnn.com", Outlets.registeredDomain("politicalticker.blogs.cnn.com"));
        assertEquals("cnn.com", Outlets.registeredDomain("https://www.CNN.com/2019/01/x.html"));
        assertEquals("bbc.co.uk", Outlets.registeredDomain("www.bbc.co.uk"));
        assertEquals("abc.net.au", Outlets.registeredDomain("www.abc.net.au"));
        assertEquals("", Outlets.registeredDomain("  "));
    }

    @Test
    void countNamedCountsDistinctOutletsAndNotArticlesThatNameNone() {
        List<Article> named = List.of(
                new Article("a", "t", "x", Map.of(Article.HOST, "www.cnn.com")),
                new Article("b", "t", "x", Map.of(Article.HOST, "edition.cnn.com")),
                new Article("c", "t", "x", Map.of(Article.OUTLET, "Reuters")),
                new Article("d", "t", "x", Map.of()));
        assertEquals(2, Outlets.countNamed(named));
        assertEquals("id:d", Outlets.of(named.get(3)));
        assertEquals(0, Outlets.countNamed(List.of(named.get(3))));
    }

    private static void assertOutletDisjoint(Split s) {
        Map<String, Part> partOfOutlet = new HashMap<>();
        for (LabelledArticle a : corpus()) {
            Part p = s.partOf(a.id()).orElseThrow();
            Part before = partOfOutlet.putIfAbsent(Outlets.of(a.article()), p);
            assertTrue(before == null || before == p, "outlet " + Outlets.of(a.article()) + " on two sides in " + s.name());
        }
    }
}
