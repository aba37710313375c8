package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.slant.datasets.Article;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutletNamesTest {

    private static void assertDerived(String outlet, String host, List<String> names, List<String> domains) {
        assertEquals(new OutletNames(names, domains), OutletNames.derive(outlet, host));
    }

    @Test
    void dropsParenthesizedQualifiers() {
        assertDerived("CNN (Web News)", "www.cnn.com", List.of("CNN"), List.of("cnn.com"));
        assertDerived("Newsmax (News)", "www.newsmax.com", List.of("NEWSMAX", "Newsmax"), List.of("newsmax.com"));
    }

    @Test
    void dropsADashedSuffixAndQualifierWordsAndGivesTheNameWithoutNews() {
        assertDerived("New York Times - News", "www.thecaucus.blogs.nytimes.com",
                List.of("NEW YORK TIMES", "New York Times"), List.of("nytimes.com"));
        assertDerived("Fox Online News", "www.foxnews.com", List.of("FOX NEWS", "Fox News", "FOX", "Fox"),
                List.of("foxnews.com"));
        assertDerived("Fox News Opinion", null, List.of("FOX NEWS", "Fox News", "FOX", "Fox"), List.of());
        assertDerived("NPR Online News", "www.npr.org", List.of("NPR NEWS", "NPR News", "NPR"), List.of("npr.org"));
        assertDerived("CNN - Editorial", "www.cnn.com", List.of("CNN"), List.of("cnn.com"));
    }

    @Test
    void keepsANameMadeOnlyOfQualifierWords() {
        assertDerived("Online", null, List.of("ONLINE", "Online"), List.of());
    }

    @Test
    void takesAWebAddressAsOutletNameApart() {
        assertDerived("TheBlaze.com", "www.theblaze.com", List.of("THEBLAZE", "TheBlaze"), List.of("theblaze.com"));
        assertDerived("CNSNews.com", null, List.of("CNSNEWS", "CNSNews"), List.of("cnsnews.com"));
    }

    @Test
    void keepsTheRegistrableDomainOfAHost() {
        assertEquals("dailymail.co.uk", OutletNames.registrableDomain("www.dailymail.co.uk"));
        assertEquals("cnn.com", OutletNames.registrableDomain("www.politicalticker.blogs.cnn.com"));
        assertEquals("cbn.com", OutletNames.registrableDomain("www1.cbn.com"));
        assertEquals("cnn.com", OutletNames.registrableDomain("https://www.CNN.com:443/politics?x=1"));
        assertEquals("ivn.us", OutletNames.registrableDomain("www.ivn.us."));
        assertEquals(null, OutletNames.registrableDomain("localhost"));
    }

    @Test
    void givesNothingWithoutUsableMetadata() {
        assertSame(OutletNames.NONE, OutletNames.derive(null, null));
        assertSame(OutletNames.NONE, OutletNames.derive("X", "localhost"));
        assertSame(OutletNames.NONE, OutletNames.of(Article.of("a", "", "text")));
    }

    @Test
    void readsTheArticlesMetadata() {
        Article a = new Article("a", "", "text", Map.of(Article.OUTLET, "BBC News", Article.HOST, "www.bbc.com"));
        assertEquals(new OutletNames(List.of("BBC NEWS", "BBC News", "BBC"), List.of("bbc.com")), OutletNames.of(a));
    }
}
