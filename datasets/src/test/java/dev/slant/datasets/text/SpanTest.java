package dev.slant.datasets.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void coversAHalfOpenRange() {
        Span span = new Span(2, 5);
        assertEquals(3, span.length());
        assertEquals("llo", span.of("hello"));
        assertFalse(span.contains(1));
        assertTrue(span.contains(2));
        assertTrue(span.contains(4));
        assertFalse(span.contains(5));
    }

    @Test
    void rejectsNegativeAndEmptyRanges() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new Span(-1, 2));
        assertEquals("span [-1, 2) is not a non-empty range of offsets", negative.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new Span(3, 3));
        assertEquals("span [3, 3) is not a non-empty range of offsets", empty.getMessage());
    }

    @Test
    void rejectsATextItDoesNotFit() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> new Span(2, 9).of("hello"));
        assertEquals("span [2, 9) reaches past the end of a text of 5 chars", e.getMessage());
    }
}
