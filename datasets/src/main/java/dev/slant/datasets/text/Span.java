package dev.slant.datasets.text;

import java.util.Objects;

/**
 * A non-empty, half-open range of {@code char} offsets in a text: {@code [start, end)}, as {@link String#substring}
 * takes them. Sentence spans let explanations place a feature (found at some offset) in its sentence.
 *
 * @param start the offset of the first character, at least 0
 * @param end   the offset after the last character, greater than start
 */
public record Span(int start, int end) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if start is negative or end is not greater than start
     */
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is not a non-empty range of offsets");
        }
    }

    /** @return how many chars the span covers */
    public int length() {
        return end - start;
    }

    /**
     * Whether the span covers an offset.
     *
     * @param offset a char offset
     * @return whether {@code start <= offset < end}
     */
    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /**
     * The text this span covers.
     *
     * @param source the text the span was taken from
     * @return {@code source.substring(start, end)}
     * @throws NullPointerException      if source is null
     * @throws IndexOutOfBoundsException if the span reaches past the end of source
     */
    public String of(String source) {
        Objects.requireNonNull(source, "source");
        if (end > source.length()) {
            throw new IndexOutOfBoundsException("span [" + start + ", " + end + ") reaches past the end of a text of "
                    + source.length() + " chars");
        }
        return source.substring(start, end);
    }
}
