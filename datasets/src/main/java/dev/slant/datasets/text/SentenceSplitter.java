package dev.slant.datasets.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sentence view of an English text: a rule-based splitter for news prose.
 *
 * <p>A sentence ends after a run of terminators ({@code . ! ? …}) and any closing quotes or brackets right after
 * it ({@code " ' ” ’ ) ] »}), when whitespace follows and the next word starts like a sentence: with an
 * upper-case or caseless letter or a digit, possibly behind opening quotes or brackets. So {@code he said."}
 * ends after the quote, {@code “Why?” he asked} does not end, and nothing ends inside {@code cnn.com},
 * {@code a@b.com}, {@code 3.5} or {@code U.S.-Mexico} (no whitespace). A single period after an abbreviation
 * decides by its kind (the abbreviation is the letters and periods right before the period, so
 * {@code "then-Sen."} is "Sen."):
 * <ul>
 *   <li>titles and connectives never end a sentence: Mr., Mrs., Ms., Dr., Prof., Sen., Rep., Gov., Gen., Lt.,
 *       Col., Capt., Rev., vs., v., cf., e.g., i.e. and the like;</li>
 *   <li>months (Jan.-Dec., Sept.) and No., Vol., pp., approx. and the like do not end one before a digit
 *       ({@code "Aug. 18"}, {@code "No. 1"}), but do before a word ({@code "since Aug. The"});</li>
 *   <li>initials and initialisms (any single letters joined by periods: {@code W.}, {@code U.S.}, {@code a.m.},
 *       {@code D.C.}), name parts (Jr., Sr., Inc., Corp., Co., Ltd., St., Mt., Ph.D., et al.) and the
 *       abbreviations of US states that end datelines (Calif., Va., Vt., ...) end one only
 *       when the next word is one that commonly opens a sentence ("The", "He", "But", ...) and is not itself an
 *       initial: {@code "George W. Bush"}, {@code "J. K. Rowling"} and {@code "U.S. Immigration"} stay whole,
 *       {@code "in the U.S. He said"} splits. A name after such a word ({@code "in the U.S. Trump said"}) is
 *       taken as going on.</li>
 * </ul>
 * An ellipsis ({@code ...} or {@code …}), {@code !} and {@code ?} end a sentence whenever the next word starts
 * like one. A blank line (two line breaks with only spaces or tabs between them) or a paragraph separator
 * (U+2029) always ends a sentence; a single line break is ordinary whitespace.
 *
 * <p>Sentences are trimmed of whitespace and never empty; an empty or whitespace-only text has none. Stateless
 * and thread-safe.
 */
public final class SentenceSplitter {

    /** Creates a splitter (stateless: one instance can serve every thread). */
    public SentenceSplitter() {
    }

    /**
     * Splits a text into sentences.
     *
     * @param text the text
     * @return its sentences in order, each the text of its {@link #spans span} with every line break inside it
     *         ({@code \r\n} counting as one) replaced by a space, so a sentence is always one line
     * @throws NullPointerException if text is null
     */
    public List<String> split(String text) {
        List<Span> spans = spans(text);
        List<String> sentences = new ArrayList<>(spans.size());
        for (Span span : spans) {
            sentences.add(onOneLine(span.of(text)));
        }
        return List.copyOf(sentences);
    }

    /**
     * Finds the sentences of a text.
     *
     * @param text the text
     * @return the span of each sentence in text, in order, not overlapping, each starting and ending on a
     *         non-whitespace character
     * @throws NullPointerException if text is null
     */
    public List<Span> spans(String text) {
        Objects.requireNonNull(text, "text");
        List<Span> spans = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\u2029' || isLineBreak(c) && isBlankLineAt(text, i)) {
                addTrimmed(spans, text, start, i);
                start = i + 1;
                i++;
            } else if (isTerminator(c)) {
                int termEnd = i + 1;
                while (termEnd < n && isTerminator(text.charAt(termEnd))) {
                    termEnd++;
                }
                int end = termEnd;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end < n && isSpace(text.charAt(end)) && endsSentence(text, i, termEnd, end)) {
                    addTrimmed(spans, text, start, end);
                    start = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        addTrimmed(spans, text, start, n);
        return List.copyOf(spans);
    }

    /**
     * Whether the terminators in {@code [termStart, termEnd)}, followed by closers up to {@code end} and then
     * whitespace, end a sentence.
     */
    private static boolean endsSentence(String text, int termStart, int termEnd, int end) {
        int n = text.length();
        int next = end;
        while (next < n && (isSpace(text.charAt(next)) || isOpener(text.charAt(next)))) {
            next++;
        }
        if (next == n) {
            return true;
        }
        int cp = text.codePointAt(next);
        boolean startsLikeSentence = Character.isDigit(cp) || Character.isLetter(cp) && !Character.isLowerCase(cp);
        if (!startsLikeSentence) {
            return false;
        }
        if (termEnd - termStart > 1 || text.charAt(termStart) != '.') {
            return true;
        }
        switch (Abbreviations.classify(wordBefore(text, termStart))) {
            case NEVER_ENDS:
                return false;
            case BEFORE_NUMBER:
                return !Character.isDigit(cp);
            case NAME_PART:
                return opensSentence(text, next);
            default:
                return true;
        }
    }

    /**
     * The word that ends at a period: the letters and periods right before it, so that {@code "then-Sen."},
     * {@code "vote—Mr."} and {@code "(U.S."} give {@code "Sen"}, {@code "Mr"} and {@code "U.S"}.
     */
    private static String wordBefore(String text, int period) {
        int from = period;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        while (from < period && text.charAt(from) == '.') {
            from++;
        }
        return text.substring(from, period);
    }

    /** Whether the word at i (which starts with a letter or a digit) commonly opens a sentence. */
    private static boolean opensSentence(String text, int i) {
        int end = i;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        boolean initial = end - i == 1 && end < text.length() && text.charAt(end) == '.';
        return end > i && !initial && Abbreviations.opensSentence(text.substring(i, end));
    }

    /** Adds the span {@code [from, to)} without its leading and trailing whitespace, unless nothing is left. */
    private static void addTrimmed(List<Span> spans, String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }

    /** Whether a line break at i is followed, after spaces or tabs only, by another line break. */
    private static boolean isBlankLineAt(String text, int i) {
        int n = text.length();
        int j = text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        while (j < n && isSpace(text.charAt(j)) && !isLineBreak(text.charAt(j))) {
            j++;
        }
        return j < n && isLineBreak(text.charAt(j));
    }

    /** The text with every line break ({@code \r\n} counting as one) replaced by a space. */
    private static String onOneLine(String sentence) {
        StringBuilder sb = null;
        int n = sentence.length();
        for (int i = 0; i < n; i++) {
            char c = sentence.charAt(i);
            if (isLineBreak(c)) {
                if (sb == null) {
                    sb = new StringBuilder(n).append(sentence, 0, i);
                }
                sb.append(' ');
                if (c == '\r' && i + 1 < n && sentence.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? sentence : sb.toString();
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '(' || c == '[' || c == '«';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
