package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slant.datasets.Article;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrubberFixedRulesTest {
    private static final Scrubber DATELINES = Scrubber.of(new ScrubRules(true, ScrubSettings.DEFAULT_AGENCIES, false,
            List.of(), List.of(), List.of()));
    private static final Scrubber OWN_OUTLET = Scrubber.of(new ScrubRules(false, ScrubSettings.DEFAULT_AGENCIES, true,
            List.of(), List.of(), List.of()));
    private static final Scrubber MARKERS = Scrubber.of(new ScrubRules(false, ScrubSettings.DEFAULT_AGENCIES, false,
            ScrubSettings.DEFAULT_MARKERS, List.of(), List.of()));

    private static String scrubText(Scrubber scrubber, String text) {
        return scrubber.apply(Article.of("a", "", text)).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WASHINGTON (Reuters) - The Senate voted on Tuesday.|The Senate voted on Tuesday.",
        "NEW YORK (AP) — Stocks fell.|Stocks fell.",
        "LONDON (Reuters) - Britain left.|Britain left.",
        "(CNN) President Trump said so.|President Trump said so.",
        "Washington (CNN)The court met.|The court met.",
        "New York (CNN Business) Among the many tragedies.|Among the many tragedies.",
        "BURLINGTON, Vt. (Reuters) - A resolute Bernie Sanders.|A resolute Bernie Sanders.",
        "WASHINGTON Oct 17 (Reuters) - Democrat wins.|Democrat wins.",
        "HOLLYWOOD, Fla./SAN JUAN, Puerto Rico (Reuters) - Florida braced.|Florida braced.",
        "Hong Kong (AFP) – TikTok withdrew.|TikTok withdrew.",
        "DES MOINES, Iowa — Former Vice President Biden spoke.|Former Vice President Biden spoke.",
        "WASHINGTON – With a Democrat by his side.|With a Democrat by his side.",
        "FILE - In this March 2015 file photo, a costume.|In this March 2015 file photo, a costume.",
    })
    void removesADatelineAtTheStart(String text, String expected) {
        assertEquals(expected, scrubText(DATELINES, text));
    }

    @Test
    void removesDatelinesAtTheStartOfLaterLinesToo() {
        String text = "FILE PHOTO: A sign in New York. REUTERS/Lucas Jackson/File Photo\n\n"
                + "WASHINGTON (Reuters) - The Trump administration said.\n  (CNN) More.";
        assertEquals("FILE PHOTO: A sign in New York. REUTERS/Lucas Jackson/File Photo\n\n"
                + "The Trump administration said.\n  More.", scrubText(DATELINES, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnell said.",
        "The Environmental Protection Agency (EPA) said on Monday.",
        "He told CNN (CNN) nothing.",
        "Officials said (Reuters) - nothing at all.",
        "FBI Director James Comey - the former one - spoke.",
        "The story ran on Monday. WASHINGTON (Reuters) - mid-line datelines stay.",
        "Washington — the capital — is quiet.",
    })
    void leavesWhatIsNotADatelineAlone(String text) {
        Article article = Article.of("a", "", text);
        assertSame(article, DATELINES.apply(article));
    }

    @Test
    void removesTheOwnOutletsNamesAndDomainsOnly() {
        Article article = new Article("a1", "CNN poll: voters split",
                "The poll, seen on CNN.com and at https://edition.cnn.com/x, was run by CNN's team; CNNMoney and Fox "
                        + "News differ. Mail tips@CNN.COM now.",
                Map.of(Article.OUTLET, "CNN (Web News)", Article.HOST, "www.cnn.com"));
        Article scrubbed = OWN_OUTLET.apply(article);
        assertEquals(" poll: voters split", scrubbed.title());
        assertEquals("The poll, seen on  and at  was run by 's team; Money and Fox News differ. Mail  now.",
                scrubbed.text());
        assertEquals(article.metadata(), scrubbed.metadata());
        assertEquals(article.id(), scrubbed.id());
    }

    @Test
    void removesTheLongestNameAtAPlaceAndNamesInCapitals() {
        Article article = new Article("a2", "", "Fox News reported, FOX NEWS confirmed, Fox said, a foxnews.com page.",
                Map.of(Article.OUTLET, "Fox Online News", Article.HOST, "www.foxnews.com"));
        ScrubResult result = OWN_OUTLET.explain(article);
        assertEquals(" reported,  confirmed,  said, a  page.", result.scrubbed().text());
        assertEquals(List.of(
                new Removal(ArticleField.TEXT, 0, 8, "Fox News", ScrubRule.OUTLET_NAME, "Fox News"),
                new Removal(ArticleField.TEXT, 19, 27, "FOX NEWS", ScrubRule.OUTLET_NAME, "FOX NEWS"),
                new Removal(ArticleField.TEXT, 39, 42, "Fox", ScrubRule.OUTLET_NAME, "Fox"),
                new Removal(ArticleField.TEXT, 51, 62, "foxnews.com", ScrubRule.OUTLET_DOMAIN, "foxnews.com")),
                result.removals());
    }

    @Test
    void namesMatchOnlyWholeWordsAndCaseSensitively() {
        Article article = new Article("a3", "", "Voxel art and vox populi are not Vox.",
                Map.of(Article.OUTLET, "Vox"));
        assertEquals("Voxel art and vox populi are not .", OWN_OUTLET.apply(article).text());
    }

    @Test
    void findsANameThatStartsLowerCaseAndItsCapitals() {
        Article article = new Article("a6", "", "Read dailykos daily: DAILYKOS, dailykosmos and Dailykos differ.",
                Map.of(Article.OUTLET, "dailykos"));
        assertEquals("Read  daily: , dailykosmos and Dailykos differ.", OWN_OUTLET.apply(article).text());
    }

    @Test
    void namesAlsoMatchWhereAWordChangesCase() {
        Article article = new Article("a4", "", "Follow @KilloughCNN and CNNPolitics; CNNs, MSNBC and iCNNx stay.",
                Map.of(Article.OUTLET, "CNN"));
        assertEquals("Follow @Killough and Politics; CNNs, MSNBC and iCNNx stay.", OWN_OUTLET.apply(article).text());
        Article nbc = new Article("a5", "", "MSNBC and CNBC are not NBC.", Map.of(Article.OUTLET, "NBC News (Online)"));
        assertEquals("MSNBC and CNBC are not .", OWN_OUTLET.apply(nbc).text());
    }

    @Test
    void removesAMarkerWithTheRestOfItsSentenceOrLine() {
        assertEquals("We are on our way.",
                scrubText(MARKERS, "We are on our way.Featured image via Chris Kleponis/Pool/Getty Images"));
        assertEquals("For more,  Then the rest.", scrubText(MARKERS, "For more, click here. Then the rest."));
        assertEquals("\nMore text.", scrubText(MARKERS, "CLICK HERE TO GET THE FOX NEWS APP\nMore text."));
        assertEquals("Intro.\n", scrubText(MARKERS, "Intro.\nFeatured Image: Screenshot"));
        assertEquals("(@NARAL) November 3, 2017",
                scrubText(MARKERS, "(@NARAL) November 3, 2017Featured image via video screen capture"));
        assertEquals("Pat Robertson", scrubText(MARKERS, "Pat RobertsonFeatured image via Stephen Chernin/Getty"));
    }

    @Test
    void findsMarkersOnlyWhereAWordStarts() {
        Article article = Article.of("a", "", "A quick flick here, unclick here, and Clickhere stay.");
        assertSame(article, MARKERS.apply(article));
    }

    @Test
    void explainsEachRemovalWithItsRuleAndEntry() {
        Scrubber all = Scrubber.of(new ScrubRules(true, ScrubSettings.DEFAULT_AGENCIES, true,
                ScrubSettings.DEFAULT_MARKERS, List.of(), List.of()));
        Article article = new Article("r1", "Reuters exclusive",
                "WASHINGTON (Reuters) - Reuters learned it.\nClick here for more.",
                Map.of(Article.OUTLET, "Reuters", Article.HOST, "www.reuters.com"));
        ScrubResult result = all.explain(article);
        assertEquals(new Article("r1", " exclusive", " learned it.\n", article.metadata()), result.scrubbed());
        assertEquals(List.of(
                new Removal(ArticleField.TITLE, 0, 7, "Reuters", ScrubRule.OUTLET_NAME, "Reuters"),
                new Removal(ArticleField.TEXT, 0, 23, "WASHINGTON (Reuters) - ", ScrubRule.DATELINE, "Reuters"),
                new Removal(ArticleField.TEXT, 12, 19, "Reuters", ScrubRule.OUTLET_NAME, "Reuters"),
                new Removal(ArticleField.TEXT, 23, 30, "Reuters", ScrubRule.OUTLET_NAME, "Reuters"),
                new Removal(ArticleField.TEXT, 43, 63, "Click here for more.", ScrubRule.MARKER, "Click here")),
                result.removals());
        assertEquals(result.scrubbed(), all.apply(article));
    }

    @Test
    void returnsTheSameInstanceWhenNothingIsRemoved() {
        Article article = new Article("n1", "A title", "Nothing to remove here.\nReally nothing.",
                Map.of(Article.OUTLET, "Slate", Article.HOST, "www.slate.com"));
        Scrubber all = Scrubber.of(new ScrubRules(true, ScrubSettings.DEFAULT_AGENCIES, true,
                ScrubSettings.DEFAULT_MARKERS, List.of("Advertisement"), List.of("Enlarge this image toggle caption")));
        assertSame(article, all.apply(article));
        ScrubResult result = all.explain(article);
        assertSame(article, result.scrubbed());
        assertEquals(List.of(), result.removals());
        assertSame(article, Scrubber.NONE.apply(article));
    }

    @Test
    void ofNoneIsNone() {
        assertSame(Scrubber.NONE, Scrubber.of(ScrubRules.NONE));
        assertSame(ScrubRules.NONE, Scrubber.NONE.rules());
    }

    @Test
    void scrubsIntoABufferTheFieldsThatApplyBuilds() {
        Article a = Article.of("a", "WASHINGTON (Reuters) - Senate votes",
                "LONDON (Reuters) - Britain left.\n(CNN) More, as CLICK HERE said.");
        Article scrubbed = DATELINES.apply(MARKERS.apply(a));
        for (Scrubber s : List.of(DATELINES, MARKERS, Scrubber.NONE)) {
            Article expected = s.apply(a);
            char[] buffer = new char[a.text().length() + 3];
            assertEquals(expected.text(), new String(buffer, 0, s.scrubInto(a, ArticleField.TEXT, buffer)));
            assertEquals(expected.title(), new String(buffer, 0, s.scrubInto(a, ArticleField.TITLE, buffer)));
        }
        assertEquals("Britain left.\nMore, as ", scrubbed.text());
        assertThrows(IllegalArgumentException.class,
                () -> DATELINES.scrubInto(a, ArticleField.TEXT, new char[a.text().length() - 1]));
    }
}
