package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShinglerTest {
    private final Shingler five = new Shingler(5);

    @Test
    void oneShinglePerWindowOfFiveWords() {
        assertEquals(2, five.shingles("one two three four five six").length);
        assertEquals(6, five.shingles("a b c d e f g h i j").length);
    }

    @Test
    void caseSpacingAndPunctuationDoNotMatter() {
        assertArrayEquals(five.shingles("one two three four five six"),
                five.shingles("  One, TWO;three -- four\n\nfive (six)!"));
    }

    @Test
    void lowerCasesBeyondAscii() {
        assertArrayEquals(five.shingles("\u00e9lan vital \u00e0 la fran\u00e7aise"),
                five.shingles("\u00c9LAN VITAL \u00c0 LA FRAN\u00c7AISE"));
    }

    @Test
    void shinglesOverlapAndFollowTextOrder() {
        long[] first = five.shingles("a b c d e f");
        long[] second = five.shingles("b c d e f g");
        assertEquals(first[1], second[0]);
        assertFalse(first[0] == first[1]);
    }

    @Test
    void wordOrderMatters() {
        assertFalse(Arrays.equals(five.shingles("a b c d e"), five.shingles("e d c b a")));
    }

    @Test
    void aShortTextIsOneShingleOfAllItsWords() {
        assertEquals(1, five.shingles("just three words").length);
        assertFalse(Arrays.equals(five.shingles("just three words"), five.shingles("words three just")));
        assertFalse(Arrays.equals(five.shingles("a b c d"), five.shingles("a b c d e")));
    }

    @Test
    void aTextWithoutWordsHasNoShingles() {
        assertEquals(0, five.shingles("").length);
        assertEquals(0, five.shingles(" ... !!! -- ").length);
    }

    @Test
    void lettersAndDigitsMakeWordsAndEverythingElseSplitsThem() {
        assertArrayEquals(new Shingler(1).shingles("don t 2020"), new Shingler(1).shingles("don't 2020"));
        assertEquals(3, new Shingler(1).shingles("don't 2020").length);
    }

    @Test
    void rejectsShinglesOfNoWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shingler(0));
        assertEquals("words per shingle must be at least 1, got 0", e.getMessage());
    }
}
