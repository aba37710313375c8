package dev.slant.datasets.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TimeSplitTest {
    private static final LocalDate START = LocalDate.of(2015, 1, 1);

    /**
     * 1,000 articles, article i dated START + i days, from outlet i % 25; every 10th undated, and id5 with a date
     * in no known format.
     */
    private static List<LabelledArticle> corpus() {
        List<LabelledArticle> list = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, String> meta = new HashMap<>();
            meta.put(Article.HOST, "www.outlet" + (i % 25) + ".com");
            if (i == 5) {
                meta.put(Article.DATE, "the fifth");
            } else if (i % 10 != 0) {
                meta.put(Article.DATE, START.plusDays(i).toString());
            }
            list.add(new LabelledArticle(new Article("id" + i, "t", "text " + i, meta),
                    Labels.single(Map.of("stance", i % 3 == 0 ? "a" : "b"))));
        }
        return list;
    }

    private static Map<String, LocalDate> dates(List<LabelledArticle> articles) {
        return new PublicationDates(LocalDate.of(2026, 12, 7)).dates(articles);
    }

    @Test
    void laterArticlesAreTestedBesideAnInPeriodSampleOfTheSameSize() {
        List<LabelledArticle> articles = corpus();
        Map<String, LocalDate> dates = dates(articles);
        LocalDate before = START.plusDays(800);
        Split s = new Splitter(articles, UnaryOperator.identity()).byTime("time", dates, before, 42);
        List<String> test = s.ids(Part.TEST);
        List<String> valid = s.ids(Part.VALID);
        // Days 800 to 999, less the undated tenth: 180 later articles.
        assertEquals(180, test.size());
        assertEquals(180, valid.size());
        assertEquals(899 - 180 - 180, s.ids(Part.TRAIN).size(), "899 dated articles, each in one part");
        for (String id : test) {
            assertTrue(!dates.get(id).isBefore(before), id);
        }
        for (String id : s.ids(Part.TRAIN)) {
            assertTrue(dates.get(id).isBefore(before), id);
        }
        for (String id : valid) {
            assertTrue(dates.get(id).isBefore(before), id);
        }
        assertTrue(s.partOf("id10").isEmpty(), "an undated article is in no part");
        assertTrue(s.partOf("id5").isEmpty(), "a date in no known format is in no part");
    }

    @Test
    void theSeedDrawsTheInPeriodSampleAndNothingElse() {
        List<LabelledArticle> articles = corpus();
        Splitter splitter = new Splitter(articles, UnaryOperator.identity());
        LocalDate before = START.plusDays(800);
        Split a = splitter.byTime("time", dates(articles), before, 1);
        Split b = splitter.byTime("time", dates(articles), before, 2);
        assertEquals(a, splitter.byTime("time", dates(articles), before, 1));
        assertEquals(a.ids(Part.TEST), b.ids(Part.TEST));
        assertNotEquals(a.ids(Part.VALID), b.ids(Part.VALID));
    }

    @Test
    void copiesMoveTogetherOnTheSideOfTheEarliestDatedCopy() {
        List<LabelledArticle> articles = corpus();
        // id1 (day 1) and id901 (day 901) are copies of one text.
        UnaryOperator<String> dup = id -> id.equals("id901") ? "id1" : id;
        Split s = new Splitter(articles, dup).byTime("time", dates(articles), START.plusDays(800), 7);
        assertEquals(s.partOf("id1"), s.partOf("id901"));
        assertNotEquals(Part.TEST, s.partOf("id1").orElseThrow());
    }

    @Test
    void outletTimeHoldsOutWholeOutletsAndTestsTheirLaterArticles() {
        List<LabelledArticle> articles = corpus();
        Map<String, LocalDate> dates = dates(articles);
        LocalDate before = START.plusDays(800);
        Split s = new Splitter(articles, UnaryOperator.identity()).outletsByTime("outlet-time", dates, before, 0.2, 42);
        Set<String> trainOutlets = new HashSet<>();
        Set<String> heldOutlets = new HashSet<>();
        for (LabelledArticle a : articles) {
            Part p = s.partOf(a.id()).orElse(null);
            if (p == null) {
                continue;
            }
            (p == Part.TRAIN ? trainOutlets : heldOutlets).add(Outlets.of(a.article()));
            assertEquals(p == Part.TEST, !dates.get(a.id()).isBefore(before), a.id());
        }
        assertTrue(heldOutlets.stream().noneMatch(trainOutlets::contains), "no outlet is both trained and tested");
        assertEquals(s.ids(Part.TEST).size(), s.ids(Part.VALID).size());
        assertTrue(s.ids(Part.TEST).size() > 20, "held-out outlets have later articles: " + s.ids(Part.TEST).size());
        // About 20% of 899 dated articles held out: whole outlets of about 36 articles each.
        int held = heldOutlets.size();
        assertTrue(held >= 4 && held <= 6, held + " outlets held out");
    }

    @Test
    void splitChoiceNamesTheSplitWithItsCut() {
        List<LabelledArticle> articles = corpus();
        Split made = SplitChoice.make("time", articles, Map.of(), UnaryOperator.identity(), "stance", 42, 5).get(0);
        // 899 dated: the cut leaves floor(899 * 0.8) = 719 before it, the article of day 799 (799 - 79 undated).
        LocalDate cut = Splitter.cutLeaving(dates(articles).values(), SplitChoice.LATER_SHARE);
        assertEquals("time:" + cut, made.name());
        Split again = SplitChoice.make(made.name(), articles, Map.of(), UnaryOperator.identity(), "stance", 42, 5).get(0);
        assertEquals(made, again);
        assertEquals("outlet-time:2017-03-01", SplitChoice.make("outlet-time:2017-03-01", articles, Map.of(),
                UnaryOperator.identity(), "stance", 42, 5).get(0).name());
        assertThrows(IllegalArgumentException.class, () -> SplitChoice.make("time:2017-3-1", articles, Map.of(),
                UnaryOperator.identity(), "stance", 42, 5));
    }

    @Test
    void theDefaultCutLeavesTheAskedShareOnOrAfterIt() {
        List<LocalDate> d = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            d.add(START.plusDays(i));
        }
        assertEquals(START.plusDays(80), Splitter.cutLeaving(d, 0.2));
        assertThrows(IllegalArgumentException.class, () -> Splitter.cutLeaving(List.of(), 0.2));
    }
}
