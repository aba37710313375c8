package dev.slant.datasets.scrub;

/**
 * The one scan over a text that both fitting and scrubbing use, so that they cut texts the same way. For each line
 * (split at '\n') it reports:
 *
 * <ul>
 *   <li>a dateline at the line's start ({@link Datelines}); the line's content is taken to start after it;</li>
 *   <li>the line's openers: its first k words (runs of non-space characters), for k from the minimum to the
 *       maximum opener length, when the line has more words after them;</li>
 *   <li>its segments: sentences, cut as {@link #sentenceEnd} says, the last one ending with the line.</li>
 * </ul>
 *
 * It hashes nothing and allocates little: sentence ends are found from the next '.', '!' and '?' (located with
 * {@link String#indexOf(int, int)}), so most characters are looked at by the JDK's vectorized search only. Immutable
 * and thread-safe.
 */
final class SegmentScanner {

    /** Receives what a scan finds, in text order. */
    interface Listener {
        /**
         * @param start  where the dateline starts
         * @param end    where it ends (after its dash and spaces)
         * @param agency its agency index, or {@link Datelines#NO_AGENCY}
         */
        void dateline(int start, int end, int agency);

        /**
         * Whether openers of a line are wanted, asked once per line (before any {@link #opener} of that line).
         *
         * @param text  the text
         * @param start where the line's content starts (a non-space character)
         * @param end   where the line ends
         * @return true to have the line's openers reported
         */
        boolean wantsOpeners(String text, int start, int end);

        /**
         * @param start where the line's content starts (after any dateline)
         * @param end   where the opener's last word ends
         * @param words how many words it has
         */
        void opener(int start, int end, int words);

        /**
         * @param start the segment's first non-space character
         * @param end   just after its last non-space character
         */
        void segment(int start, int end);
    }

    private final Datelines datelines;
    private final int minOpenerWords;
    private final int maxOpenerWords;
    private final boolean segments;

    /**
     * @param datelines      the dateline matcher
     * @param minOpenerWords the fewest words in a reported opener
     * @param maxOpenerWords the most words in a reported opener (0: report none)
     * @param segments       false when segments are not wanted (then lines are not searched for sentence ends)
     */
    SegmentScanner(Datelines datelines, int minOpenerWords, int maxOpenerWords, boolean segments) {
        this.datelines = datelines;
        this.minOpenerWords = minOpenerWords;
        this.maxOpenerWords = maxOpenerWords;
        this.segments = segments;
    }

    /**
     * Scans a text.
     *
     * @param text     the text
     * @param listener receives what is found
     */
    void scan(String text, Listener listener) {
        int n = text.length();
        Terminators terminators = segments ? new Terminators(text) : null;
        int lineStart = 0;
        while (lineStart < n) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? n : newline;
            int s = skipSpaces(text, lineStart, lineEnd);
            if (s < lineEnd) {
                long dateline = datelines.match(text, s, lineEnd);
                if (dateline >= 0) {
                    int end = Datelines.end(dateline);
                    listener.dateline(s, end, Datelines.agency(dateline));
                    s = end;
                }
            }
            if (s < lineEnd) {
                if (maxOpenerWords > 0 && listener.wantsOpeners(text, s, lineEnd)) {
                    openers(text, s, lineEnd, listener);
                }
                if (segments) {
                    segments(text, s, lineEnd, terminators, listener);
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    private void openers(String text, int start, int lineEnd, Listener listener) {
        int words = 0;
        int i = start;
        while (i < lineEnd) {
            int wordEnd = i;
            while (wordEnd < lineEnd && !PhraseText.isSpace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            words++;
            int next = skipSpaces(text, wordEnd, lineEnd);
            if (next >= lineEnd || words > maxOpenerWords) {
                return;
            }
            if (words >= minOpenerWords) {
                listener.opener(start, wordEnd, words);
            }
            i = next;
        }
    }

    private static void segments(String text, int start, int lineEnd, Terminators terminators, Listener listener) {
        int s = start;
        while (s < lineEnd) {
            int end = sentenceEnd(text, s, lineEnd, terminators);
            if (end < 0) {
                listener.segment(s, trimEnd(text, s, lineEnd));
                return;
            }
            listener.segment(s, end);
            s = skipSpaces(text, end, lineEnd);
        }
    }

    /**
     * The end of the sentence or line that holds a position: a segment's end as {@link #scan} cuts it.
     *
     * @param text the text
     * @param from a position inside a segment
     * @return just after the segment's last non-space character
     */
    static int segmentEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        int lineEnd = newline < 0 ? text.length() : newline;
        int end = sentenceEnd(text, from, lineEnd, new Terminators(text));
        return end >= 0 ? end : trimEnd(text, from, lineEnd);
    }

    /**
     * Where the first sentence that ends in [from, lineEnd) ends: after a word that ends in '.', '!' or '?' (closing
     * quotes and brackets after it allowed) followed by whitespace, except a word of at most four characters that
     * starts with a capital letter and ends in '.' ("Mr.", "U.S.", "LLC.", "Jan."), taken as an abbreviation.
     *
     * @return the index of the whitespace after that word, or -1 if no sentence ends before the line does
     */
    private static int sentenceEnd(String text, int from, int lineEnd, Terminators terminators) {
        int i = from;
        while (true) {
            int t = terminators.next(i);
            if (t < 0 || t >= lineEnd) {
                return -1;
            }
            int j = t + 1;
            while (j < lineEnd && (isCloser(text.charAt(j)) || isTerminator(text.charAt(j)))) {
                j++;
            }
            if (j < lineEnd && PhraseText.isSpace(text.charAt(j))) {
                int wordStart = t;
                while (wordStart > from && !PhraseText.isSpace(text.charAt(wordStart - 1))) {
                    wordStart--;
                }
                if (!isAbbreviation(text, wordStart, j)) {
                    return j;
                }
            }
            i = j;
        }
    }

    /** The next '.', '!' or '?' at or after a position, each found by indexOf and remembered. */
    private static final class Terminators {
        private final String text;
        private int dot = -2;
        private int bang = -2;
        private int question = -2;

        Terminators(String text) {
            this.text = text;
        }

        int next(int from) {
            dot = advance('.', dot, from);
            bang = advance('!', bang, from);
            question = advance('?', question, from);
            return min(min(dot, bang), question);
        }

        private int advance(char c, int known, int from) {
            if (known == -1 || (known >= from)) {
                return known;
            }
            return text.indexOf(c, from);
        }

        private static int min(int a, int b) {
            return a < 0 ? b : b < 0 ? a : Math.min(a, b);
        }
    }

    /** Whether the word [start, end) is an abbreviation as {@link #sentenceEnd} says. */
    private static boolean isAbbreviation(String text, int start, int end) {
        int e = end;
        while (e > start && isCloser(text.charAt(e - 1))) {
            e--;
        }
        if (e == start || text.charAt(e - 1) != '.') {
            return false;
        }
        int s = start;
        while (s < e && isOpener(text.charAt(s))) {
            s++;
        }
        return s < e && e - s <= 4 && Character.isUpperCase(text.charAt(s));
    }

    private static int skipSpaces(String text, int from, int to) {
        int i = from;
        while (i < to && PhraseText.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int from, int to) {
        int e = to;
        while (e > from && PhraseText.isSpace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201d' || c == '\u2019' || c == ')' || c == ']';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '\u201c' || c == '\u2018' || c == '(' || c == '[';
    }
}
