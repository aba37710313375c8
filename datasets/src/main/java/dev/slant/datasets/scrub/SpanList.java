package dev.slant.datasets.scrub;

import java.util.Arrays;

/**
 * The spans to remove from one field, each with the rule and rule entry that found it, and the text that is left
 * once they are removed. Spans may overlap; their union is removed. Not thread-safe: one per scrubbed field.
 */
final class SpanList {
    private static final int FIELDS = 4;
    private int[] data = new int[0];
    private int size;

    /**
     * Adds a span.
     *
     * @param start first index removed
     * @param end   end index (exclusive)
     * @param rule  the rule that found it
     * @param entry the rule entry's index (meaning depends on the rule)
     */
    void add(int start, int end, ScrubRule rule, int entry) {
        if (end <= start) {
            return;
        }
        if (size * FIELDS == data.length) {
            data = Arrays.copyOf(data, Math.max(FIELDS * 8, data.length * 2));
        }
        int k = size * FIELDS;
        data[k] = start;
        data[k + 1] = end;
        data[k + 2] = rule.ordinal();
        data[k + 3] = entry;
        size++;
    }

    /** @return how many spans */
    int size() {
        return size;
    }

    int start(int i) {
        return data[i * FIELDS];
    }

    int end(int i) {
        return data[i * FIELDS + 1];
    }

    ScrubRule rule(int i) {
        return ScrubRule.values()[data[i * FIELDS + 2]];
    }

    int entry(int i) {
        return data[i * FIELDS + 3];
    }

    /**
     * Widens the last span if it is the given rule's and starts at {@code start}, else adds one.
     *
     * @param start first index removed
     * @param end   end index (exclusive)
     * @param rule  the rule
     * @param entry the rule entry's index
     */
    void addOrWidenLast(int start, int end, ScrubRule rule, int entry) {
        int k = (size - 1) * FIELDS;
        if (size > 0 && data[k] == start && data[k + 2] == rule.ordinal()) {
            data[k + 1] = Math.max(data[k + 1], end);
            data[k + 3] = entry;
        } else {
            add(start, end, rule, entry);
        }
    }

    /** Sorts the spans by start, then end (insertion sort: they come nearly in order). */
    void sort() {
        for (int i = 1; i < size; i++) {
            for (int j = i; j > 0 && compare(j - 1, j) > 0; j--) {
                swap(j - 1, j);
            }
        }
    }

    /**
     * The text without the spans (sorts them first), as {@link #removeInto} writes it.
     *
     * @param text the field's original text
     * @return the text left, or the same instance when there is no span
     */
    String remove(String text) {
        if (size == 0) {
            return text;
        }
        char[] left = new char[text.length()];
        return new String(left, 0, removeInto(text, left));
    }

    /**
     * Writes the text without the spans (sorts them first). A removed run becomes one space where it stood between
     * two non-space characters, and nothing otherwise, so words never run together; so the text left is never longer
     * than the text.
     *
     * @param text the field's original text
     * @param into receives the text left from index 0; at least as long as the text
     * @return the length of the text left
     */
    int removeInto(String text, char[] into) {
        sort();
        int n = 0;
        int kept = 0;
        int i = 0;
        while (i < size) {
            int start = start(i);
            int end = end(i);
            i++;
            while (i < size && start(i) <= end) {
                end = Math.max(end, end(i));
                i++;
            }
            text.getChars(kept, start, into, n);
            n += start - kept;
            boolean spaceBefore = start == 0 || PhraseText.isSpace(text.charAt(start - 1));
            boolean spaceAfter = end >= text.length() || PhraseText.isSpace(text.charAt(end));
            if (!spaceBefore && !spaceAfter) {
                into[n++] = ' ';
            }
            kept = end;
        }
        text.getChars(kept, text.length(), into, n);
        return n + text.length() - kept;
    }

    private int compare(int a, int b) {
        int c = Integer.compare(start(a), start(b));
        return c != 0 ? c : Integer.compare(end(a), end(b));
    }

    private void swap(int a, int b) {
        for (int f = 0; f < FIELDS; f++) {
            int t = data[a * FIELDS + f];
            data[a * FIELDS + f] = data[b * FIELDS + f];
            data[b * FIELDS + f] = t;
        }
    }
}
