package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.datasets.Article;
import org.junit.jupiter.api.Test;

class TextKeysTest {

    @Test
    void lowerCasesAndCollapsesEveryKindOfWhitespace() {
        assertEquals("hello world. a\u00e9b",
                TextKeys.lowercaseCollapsedWhitespace("  Hello \t\r\n World.\u00a0\u2003A\u00c9B \n"));
    }

    @Test
    void keepsPunctuationAndControlCharactersThatAreNotWhitespace() {
        assertEquals("a,b\u0000c", TextKeys.lowercaseCollapsedWhitespace("A,B\u0000C"));
    }

    @Test
    void whitespaceOnlyBecomesEmpty() {
        assertEquals("", TextKeys.lowercaseCollapsedWhitespace(" \n\t "));
    }

    @Test
    void defaultKeyUsesTheBodyNotTheTitle() {
        assertEquals("body text", TextKeys.BODY_LOWERCASE_COLLAPSED.apply(Article.of("x", "Title", " Body  TEXT")));
    }
}
