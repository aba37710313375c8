package dev.slant.datasets.scrub;

import java.util.List;

/**
 * Recognizes a news dateline at the start of a line, with one anchored check and no regular expression. Two forms:
 *
 * <ul>
 *   <li>agency: an optional place, then a known agency in parentheses, then an optional dash:
 *       "WASHINGTON (Reuters) -", "NEW YORK (AP) —", "(CNN)", "Washington (CNN)", "BURLINGTON, Vt. (Reuters) -",
 *       "WASHINGTON Oct 17 (Reuters) -". The place is at most {@link #MAX_PLACE_CHARS} characters of words that each
 *       start with a capital letter or a digit (separated by spaces or slashes; letters, digits and . , ' ’ - &amp;
 *       inside), followed by a space;</li>
 *   <li>capitals: a place in capital letters (words of two or more of A-Z . ' ’ - &amp;), optionally a comma and up
 *       to three capitalized words (a state or country), then a dash and a space: "WASHINGTON —", "DES MOINES, Iowa
 *       –", "NEW YORK -". This also takes the wire services' line markers "FILE —" and "UPDATE —".</li>
 * </ul>
 *
 * The match runs to the end of the dash and the spaces after it. Immutable and thread-safe.
 */
final class Datelines {
    /** The longest place before the agency or the dash, in characters. */
    static final int MAX_PLACE_CHARS = 60;
    /** The agency index reported for a dateline in capitals, which names no agency. */
    static final int NO_AGENCY = -1;
    private static final long NO_MATCH = -1L;
    private static final int MAX_STATE_WORDS = 3;

    private final List<String> agencies;
    private final int maxAgencyChars;

    /**
     * @param agencies the agencies recognized in parentheses, exactly as written there
     */
    Datelines(List<String> agencies) {
        this.agencies = List.copyOf(agencies);
        this.maxAgencyChars = agencies.stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * @param match a successful result of {@link #match}
     * @return where the dateline (with the spaces after it) ends
     */
    static int end(long match) {
        return (int) match;
    }

    /**
     * @param match a successful result of {@link #match}
     * @return the index of its agency, or {@link #NO_AGENCY}
     */
    static int agency(long match) {
        return (int) (match >> 32) - 1;
    }

    /**
     * @param index an agency index from {@link #agency}
     * @return the agency's name, or "" for {@link #NO_AGENCY}
     */
    String agencyName(int index) {
        return index == NO_AGENCY ? "" : agencies.get(index);
    }

    /**
     * Looks for a dateline starting exactly at {@code start}.
     *
     * @param text    the text
     * @param start   where the line's content starts (its first non-space character)
     * @param lineEnd where the line ends
     * @return a negative number if there is none, else a value for {@link #end} and {@link #agency}
     */
    long match(CharSequence text, int start, int lineEnd) {
        char first = text.charAt(start);
        if (first != '(' && !Character.isUpperCase(first)) {
            return NO_MATCH;
        }
        long withAgency = matchAgency(text, start, lineEnd);
        return withAgency >= 0 ? withAgency : matchCapitals(text, start, lineEnd);
    }

    private long matchAgency(CharSequence text, int start, int lineEnd) {
        int limit = Math.min(lineEnd, start + MAX_PLACE_CHARS + 1);
        int open = -1;
        boolean wordStart = true;
        for (int i = start; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                open = i;
                break;
            }
            if (c == ' ' || c == '/') {
                wordStart = true;
            } else if (wordStart) {
                if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
                    return NO_MATCH;
                }
                wordStart = false;
            } else if (!Character.isLetterOrDigit(c) && ".,'’-&".indexOf(c) < 0) {
                return NO_MATCH;
            }
        }
        if (open < 0 || (open > start && text.charAt(open - 1) != ' ')) {
            return NO_MATCH;
        }
        int agency = agencyAt(text, open + 1, Math.min(lineEnd, open + 2 + maxAgencyChars));
        if (agency < 0) {
            return NO_MATCH;
        }
        int end = skipDash(text, open + 2 + agencies.get(agency).length(), lineEnd, false);
        return ((long) (agency + 1) << 32) | end;
    }

    /** The agency whose name followed by ')' starts at {@code from}, or -1. */
    private int agencyAt(CharSequence text, int from, int limit) {
        for (int a = 0; a < agencies.size(); a++) {
            String name = agencies.get(a);
            int close = from + name.length();
            if (close < limit && text.charAt(close) == ')' && regionEquals(text, from, name)) {
                return a;
            }
        }
        return -1;
    }

    private long matchCapitals(CharSequence text, int start, int lineEnd) {
        int limit = Math.min(lineEnd, start + MAX_PLACE_CHARS + 1);
        int i = start;
        int words = 0;
        while (true) {
            int w = i;
            while (i < limit && isCapitalsChar(text.charAt(i))) {
                i++;
            }
            if (i - w < 2 || !Character.isUpperCase(text.charAt(w))) {
                return NO_MATCH;
            }
            words++;
            if (i + 1 < limit && (text.charAt(i) == ' ' || text.charAt(i) == '/') && isCapitalsChar(text.charAt(i + 1))
                    && Character.isUpperCase(text.charAt(i + 1)) && i + 2 < limit && isCapitalsChar(text.charAt(i + 2))) {
                i++;
                continue;
            }
            break;
        }
        if (i + 1 < limit && text.charAt(i) == ',' && text.charAt(i + 1) == ' ') {
            i = skipStateWords(text, i + 2, limit);
            if (i < 0) {
                return NO_MATCH;
            }
        }
        int afterSpace = i < limit && text.charAt(i) == ' ' ? i + 1 : i;
        if (words == 0 || afterSpace >= limit || !isDash(text.charAt(afterSpace))) {
            return NO_MATCH;
        }
        int end = skipDash(text, afterSpace, lineEnd, true);
        return end < 0 ? NO_MATCH : ((long) (NO_AGENCY + 1) << 32) | end;
    }

    /** Skips "Iowa", "N.Y.", "Puerto Rico"; returns the index after the last word, or -1. */
    private static int skipStateWords(CharSequence text, int from, int limit) {
        int i = from;
        for (int words = 0; words < MAX_STATE_WORDS; words++) {
            if (i >= limit || !Character.isUpperCase(text.charAt(i))) {
                return words == 0 ? -1 : i - 1;
            }
            while (i < limit && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            if (i < limit && text.charAt(i) == ' ') {
                i++;
            } else {
                return i;
            }
        }
        return i - 1;
    }

    /**
     * Skips spaces, a dash run and the spaces after it.
     *
     * @param needSpaceAfterDash the dash must be followed by a space (or the line's end), else no match (-1)
     */
    private static int skipDash(CharSequence text, int from, int lineEnd, boolean needSpaceAfterDash) {
        int i = skipSpaces(text, from, lineEnd);
        if (i < lineEnd && isDash(text.charAt(i))) {
            while (i < lineEnd && isDash(text.charAt(i))) {
                i++;
            }
            if (needSpaceAfterDash && i < lineEnd && !PhraseText.isSpace(text.charAt(i))) {
                return -1;
            }
            return skipSpaces(text, i, lineEnd);
        }
        return needSpaceAfterDash ? -1 : i;
    }

    private static int skipSpaces(CharSequence text, int from, int lineEnd) {
        int i = from;
        while (i < lineEnd && PhraseText.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2014' || c == '\u2013';
    }

    private static boolean isCapitalsChar(char c) {
        return (c >= 'A' && c <= 'Z') || c == '.' || c == '\'' || c == '\u2019' || c == '&'
                || (c > 0x7f && Character.isUpperCase(c));
    }

    private static boolean regionEquals(CharSequence text, int from, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (text.charAt(from + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
