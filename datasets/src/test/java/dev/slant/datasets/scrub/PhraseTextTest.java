package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTextTest {

    @Test
    void normalizesWhitespaceAndDigits() {
        assertEquals("Copyright © #### The Times, LLC.",
                PhraseText.normalize(" \tCopyright ©\u00a02019  The\u2009Times,\r\nLLC.  "));
        assertEquals("", PhraseText.normalize("  \n "));
    }

    @Test
    void hashesRawTextLikeItsNormalForm() {
        String raw = "xx Copyright ©\u00a02019  The Times, LLC. yy";
        String normal = "Copyright © #### The Times, LLC.";
        assertEquals(PhraseText.hash(normal), PhraseText.hash(raw, 3, raw.length() - 3));
        assertEquals(PhraseText.signature(normal, 0, normal.length()), PhraseText.signature(raw, 3, raw.length() - 3));
        long firstWord = PhraseText.hash(raw, 3, 12);
        assertEquals(PhraseText.hash(normal), PhraseText.extend(firstWord, false, raw, 12, raw.length() - 3));
        assertNotEquals(PhraseText.hash("Copyright"), PhraseText.hash("copyright"));
        assertTrue(PhraseText.matches(raw, 3, raw.length() - 3, normal));
        assertFalse(PhraseText.matches(raw, 3, raw.length() - 4, normal));
        assertFalse(PhraseText.matches(raw, 3, raw.length(), normal));
    }

    @Test
    void findsPhrasesOnlyWhenTheTextMatches() {
        PhraseTable table = new PhraseTable(List.of("Story Continued Below", "AD", "Slideshow (# Images)"));
        String text = "Story   Continued Below|AD|Slideshow (12 Images)|Slideshow (2 Images)|Story Continued";
        assertEquals(0, table.find(text, 0, 23));
        assertEquals(1, table.find(text, 24, 26));
        assertEquals(-1, table.find(text, 27, 48));
        assertEquals(2, table.find(text, 49, 69));
        assertEquals(-1, table.find(text, 70, 85));
        assertTrue(table.mayStartAt(text, 0, text.length()));
    }

    @Test
    void treatsUnicodeSpacesAsWhitespaceButNotQuotes() {
        for (char c : new char[] {' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\u3000', '\u2028', '\u0085'}) {
            assertTrue(PhraseText.isSpace(c), Integer.toHexString(c));
        }
        for (char c : new char[] {'a', '’', '“', '\u200b', '#', '\u00ad'}) {
            assertFalse(PhraseText.isSpace(c), Integer.toHexString(c));
        }
    }
}
