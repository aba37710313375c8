package dev.slant.datasets.text;

import static dev.slant.datasets.text.TextNormalizer.normalize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void seedArticleGivesTheSeedViewByteForByte() {
        assertEquals(Seeds.normalizedView(), normalize(Seeds.original()));
    }

    @Test
    void lowerCasesAndTurnsEachNonWordCharacterIntoOneSpaceWithoutCollapsing() {
        assertEquals("hello  world ", normalize("Hello, World!"));
        assertEquals("a  b", normalize("a  b"));
        assertEquals("u s  mexico", normalize("U.S.-Mexico"));
        assertEquals("trump s  trump s", normalize("Trump’s, Trump's"));
        assertEquals("snake case", normalize("snake_case"));
        assertEquals("a  b c", normalize("a\r\nb\tc"));
    }

    @Test
    void emptyAndWhitespaceOnlyTexts() {
        assertEquals("", normalize(""));
        assertEquals("   ", normalize(" \t\n"));
        assertEquals(" ", normalize("\u00a0"));
    }

    @Test
    void dropsWordsThatContainADigitButKeepsTheSpacesAroundThem() {
        assertEquals(" cases", normalize("covid19 cases"));
        assertEquals("by aug   confirming", normalize("by Aug. 18 confirming"));
        assertEquals(" hours", normalize("3½ hours"));
        assertEquals("½ cup", normalize("½ cup"));
        assertEquals("x   y", normalize("x 1.5 y"));        // "1", "." and "5": the dot stays a space
        assertEquals(" def", normalize("abc\u0663 def")); // ARABIC-INDIC DIGIT THREE is a digit too
        assertEquals("", normalize("2017"));
    }

    @Test
    void dropsBracketSpansWithoutATraceAsTheClassicPipelineDoes() {
        assertEquals("a  c", normalize("a [b] c"));
        assertEquals("xy", normalize("x[1]y"));
        assertEquals(" z", normalize("x[1]y2 z"));          // "xy2" is one word, and it holds a digit
        assertEquals(" c ", normalize("[a [b] c]"));        // the first ']' closes
        assertEquals("a  b c  d", normalize("a [b\nc] d")); // no ']' on the line: an ordinary character
        assertEquals("a  b", normalize("a [b"));
    }

    @Test
    void dropsUrlsLeavingOneSpace() {
        assertEquals("see   now", normalize("see https://t.co/abc now"));
        assertEquals("see   now", normalize("see http://x.com/a?b=1&c=2 now"));
        assertEquals("visit  ", normalize("visit WWW.CNN.COM."));
        assertEquals("  ", normalize("(http://a.b)"));
        assertEquals("    said", normalize("“https://x.y/z” said"));
        assertEquals("a b", normalize("a<https://x.y>b"));
    }

    @Test
    void aUrlPrefixInsideAWordOrWithNothingAfterItIsNoUrl() {
        assertEquals("xwww foo", normalize("xwww.foo"));
        assertEquals("http   ", normalize("http://"));
        assertEquals("www ", normalize("www."));
        assertEquals("https are", normalize("https are"));
    }

    @Test
    void dropsHtmlTagsLeavingOneSpace() {
        assertEquals("a b", normalize("a<br>b"));
        assertEquals(" hello ", normalize("<p>Hello</p>"));
        assertEquals(" link ", normalize("<a href=\"http://x.com/1\">link</a>"));
        assertEquals(" x", normalize("<!-- note -->x"));
        assertEquals(" x", normalize("<b>>x"));
    }

    @Test
    void aLessThanSignThatOpensNoTagIsAnOrdinaryCharacter() {
        assertEquals("a   b   c", normalize("a < b > c"));
        assertEquals("a b c d e", normalize("a<b c\nd>e")); // no '>' on the line
        assertEquals(" b", normalize("<b"));
        assertEquals("  ", normalize("<<b>"));              // the second '<' opens the tag
    }

    @Test
    void accentedAndOtherNonAsciiLettersAreWordCharacters() {
        assertEquals("café ünïcode", normalize("Café Ünïcode"));
        assertEquals("cafe\u0301 au lait", normalize("Cafe\u0301 au lait"));
        assertEquals("istanbul", normalize("İstanbul"));
        assertEquals("東京 tokyo", normalize("東京 Tokyo"));
        assertEquals("hi   there", normalize("hi \uD83D\uDE00 there")); // one space per code point
        assertEquals("𐐨𐐨", normalize("𐐀𐐨")); // DESERET: a supplementary letter, lower-cased
    }

    @Test
    void rejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> normalize(null));
        assertEquals("text", e.getMessage());
    }
}
