package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScrubberFitTest {
    private static final List<String> WORDS = List.of("senate", "budget", "vote", "governor", "court", "policy",
            "tax", "border", "election", "campaign", "mayor", "bill", "debate", "poll", "rally", "trade", "health",
            "school", "climate", "energy", "union", "farm", "river", "market", "judge", "police", "city", "county",
            "state", "nation");
    private static final String PLANET_SIGN_UP = "Sign up for the Planet newsletter at 7 a.m.";
    private static final String MEDIA = "Media playback is unsupported on your device Media caption";

    /** A sentence of random words: never repeated in these small sets (30^8 possibilities). */
    private static String sentence(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1) + ".";
    }

    private static Article article(String id, String outlet, String host, String text) {
        Map<String, String> meta = new HashMap<>();
        if (outlet != null) {
            meta.put(Article.OUTLET, outlet);
        }
        if (host != null) {
            meta.put(Article.HOST, host);
        }
        return new Article(id, "Title " + id, text, meta);
    }

    /** 30 Daily Planet articles with two boilerplate lines (one in only 5), 30 Gazette ones with a BBC-like opener. */
    private static List<Article> training() {
        Random random = new Random(20240611L);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String text = sentence(random) + " " + sentence(random) + "\n" + PLANET_SIGN_UP + "\n" + sentence(random)
                    + (i < 5 ? "\nRare footer text appears here." : "") + "\nShare this: Pocket Email";
            out.add(article("p" + i, "Daily Planet (Online)", "www.dailyplanet.example", text));
        }
        for (int i = 0; i < 30; i++) {
            String text = sentence(random) + "\n" + MEDIA + " " + sentence(random) + "\n\n" + sentence(random);
            out.add(article("g" + i, "Gazette", "www.gazette.example", text));
        }
        return out;
    }

    @Test
    void learnsRepeatedPhrasesAndLineOpenersButNotRarePhrases() {
        Scrubber scrubber = Scrubber.fit(training(), ScrubSettings.DEFAULTS);
        assertEquals(new ScrubRules(true, ScrubSettings.DEFAULT_AGENCIES, true, ScrubSettings.DEFAULT_MARKERS,
                List.of("Share this: Pocket Email", "Sign up for the Planet newsletter at # a.m."), List.of(MEDIA)),
                scrubber.rules());
    }

    @Test
    void appliesWhatItLearnedToAHeldOutArticle() {
        Scrubber scrubber = Scrubber.fit(training(), ScrubSettings.DEFAULTS);
        Article heldOut = article("h1", "Daily Planet", "www.dailyplanet.example",
                "Fresh words here.\nSign up for the Planet newsletter at 8 a.m.\nShare this:  Pocket\u00a0Email\n"
                        + MEDIA + " A brand new caption\nRare footer text appears here.");
        ScrubResult result = scrubber.explain(heldOut);
        assertEquals("Fresh words here.\n\n\n A brand new caption\nRare footer text appears here.",
                result.scrubbed().text());
        assertEquals(List.of(
                new Removal(ArticleField.TEXT, 18, 61, "Sign up for the Planet newsletter at 8 a.m.", ScrubRule.PHRASE,
                        "Sign up for the Planet newsletter at # a.m."),
                new Removal(ArticleField.TEXT, 62, 87, "Share this:  Pocket\u00a0Email", ScrubRule.PHRASE,
                        "Share this: Pocket Email"),
                new Removal(ArticleField.TEXT, 88, 146, MEDIA, ScrubRule.LINE_OPENER, MEDIA)),
                result.removals());
        assertEquals(result.scrubbed(), scrubber.apply(heldOut));
    }

    @Test
    void learnsNothingBelowTheArticleCountOrTheOutletShare() {
        ScrubSettings settings = ScrubSettings.DEFAULTS.withMinArticles(3).withMinOutletShare(0.5)
                .withOpeners(5, 0, 0.1);
        Random random = new Random(1L);
        List<Article> training = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String text = sentence(random) + (i < 5 ? "\nAlpha boilerplate line." : "")
                    + (i < 4 ? "\nBeta boilerplate line." : "");
            training.add(article("s" + i, "Small", null, text));
        }
        for (int i = 0; i < 2; i++) {
            training.add(article("t" + i, "Tiny", null, sentence(random) + "\nGamma line."));
        }
        assertEquals(List.of("Alpha boilerplate line."), Scrubber.fit(training, settings).rules().phrases());
        assertEquals(List.of(), Scrubber.fit(training, settings.withMinArticles(6)).rules().phrases());
    }

    @Test
    void groupsArticlesWithoutOutletByHostAndWithNeitherTogether() {
        ScrubSettings settings = ScrubSettings.DEFAULTS.withMinArticles(10).withMinOutletShare(0.6);
        Random random = new Random(2L);
        List<Article> byHost = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String text = sentence(random) + (i < 12 ? "\nA host footer line." : "");
            byHost.add(article("h" + i, null, i < 12 ? "www.one.example" : "www.two.example", text));
        }
        assertEquals(List.of("A host footer line."), Scrubber.fit(byHost, settings).rules().phrases());

        List<Article> bare = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String text = sentence(random) + (i < 12 ? "\nA shared footer line." : "")
                    + (i < 11 ? "\nA nearly shared line." : "");
            bare.add(article("b" + i, null, null, text));
        }
        assertEquals(List.of("A shared footer line."),
                Scrubber.fit(bare, settings.withMinOutletShare(0.5)).rules().phrases());
    }

    @Test
    void sameTrainingArticlesInAnyOrderGiveTheSameRulesInTheSameOrder() {
        Random random = new Random(3L);
        List<Article> training = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String text = sentence(random) + (i < 30 ? "\nMost common footer." : "")
                    + (i < 25 ? "\nZulu tied footer." : "") + (i < 25 ? "\nAlpha tied footer." : "")
                    + (i < 22 ? "\nLeast common footer." : "");
            training.add(article("d" + i, "Outlet", null, text));
        }
        List<String> expected = List.of("Most common footer.", "Alpha tied footer.", "Zulu tied footer.",
                "Least common footer.");
        ScrubRules first = Scrubber.fit(training).rules();
        assertEquals(expected, first.phrases());
        for (long seed = 0; seed < 5; seed++) {
            List<Article> shuffled = new ArrayList<>(training);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(first, Scrubber.fit(shuffled).rules());
        }
        assertEquals(expected.subList(0, 2), Scrubber.fit(training, ScrubSettings.DEFAULTS.withMaxPhrases(2))
                .rules().phrases());
    }

    @Test
    void keepsTheLongestDominantOpenerAndDropsItsRareExtensions() {
        Random random = new Random(4L);
        List<Article> training = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String caption = (i < 25 ? "The " : "") + sentence(random);
            training.add(article("o" + i, "Broadcaster", null, sentence(random) + "\n" + MEDIA + " " + caption));
        }
        assertEquals(List.of(MEDIA), Scrubber.fit(training).rules().lineOpeners());
    }

    @Test
    void summarizesRemovalsByRuleAndEntry() {
        Scrubber scrubber = Scrubber.fit(training(), ScrubSettings.DEFAULTS);
        ScrubSummary summary = scrubber.summarize(List.of(
                article("x1", "Gazette", null, "Gazette says.\n" + MEDIA + " Caption.\nShare this: Pocket Email"),
                article("x2", "Other", null, "WASHINGTON (AP) — Share this: Pocket Email"),
                article("x3", "Other", null, "Nothing here.")));
        Map<ScrubRule, Integer> byRule = new EnumMap<>(ScrubRule.class);
        for (ScrubRule r : ScrubRule.values()) {
            byRule.put(r, 0);
        }
        byRule.put(ScrubRule.OUTLET_NAME, 1);
        byRule.put(ScrubRule.PHRASE, 2);
        byRule.put(ScrubRule.LINE_OPENER, 1);
        byRule.put(ScrubRule.DATELINE, 1);
        assertEquals(byRule, summary.articlesByRule());
        assertEquals(List.of(
                new ScrubSummary.EntryCount(ScrubRule.PHRASE, "Share this: Pocket Email", 2),
                new ScrubSummary.EntryCount(ScrubRule.DATELINE, "AP", 1),
                new ScrubSummary.EntryCount(ScrubRule.OUTLET_NAME, "Gazette", 1),
                new ScrubSummary.EntryCount(ScrubRule.LINE_OPENER, MEDIA, 1)),
                summary.articlesByEntry());
        assertEquals(3, summary.articles());
        assertEquals(2, summary.articlesChanged());
    }
}
