package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTableTest {
    /** Three phrases of one signature (first two and last two characters), and one of another. */
    private static final PhraseTable TABLE = new PhraseTable(List.of("The end.", "The friend.", "Click here.",
            "The ####d."));

    private static int find(String text) {
        int start = 0;
        while (PhraseText.isSpace(text.charAt(start))) {
            start++;
        }
        int end = text.length();
        while (PhraseText.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return TABLE.find(text, start, end);
    }

    @Test
    void findsEachPhraseOfASharedSignature() {
        assertEquals(0, find("The end."));
        assertEquals(1, find("  The \u00a0 friend. "));
        assertEquals(2, find("Click\there."));
        assertEquals(3, find("The 2019d."), "digits compare as #");
    }

    @Test
    void aPartThatSharesASignatureButIsNoPhraseIsNotFound() {
        assertEquals(-1, find("The fiend."));
        assertEquals(-1, find("The ends."));
        assertEquals(-1, find("The end and the friend."));
        assertEquals(-1, find("Theend."), "a space of the phrase is missing");
        assertEquals(-1, find("The en d."));
        assertEquals(-1, new PhraseTable(List.of()).find("The end.", 0, 8));
    }
}
