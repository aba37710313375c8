package dev.slant.datasets.dedup;

import dev.slant.datasets.Article;
import java.util.Locale;
import java.util.function.Function;

/**
 * The default key text of an article for duplicate detection: its body lower-cased and with whitespace
 * collapsed. Callers with a better normalized view (for example the project's text normalizer) pass their own
 * {@code Function<Article, String>} to {@link Deduplicator} instead.
 */
public final class TextKeys {

    /** The default key: {@link #lowercaseCollapsedWhitespace(String)} of the article's body text. */
    public static final Function<Article, String> BODY_LOWERCASE_COLLAPSED =
            article -> lowercaseCollapsedWhitespace(article.text());

    private TextKeys() {
    }

    /**
     * Lower-cases (root locale) and collapses every run of whitespace to one space, dropping leading and
     * trailing whitespace. Whitespace is what {@link Character#isWhitespace(char)} or
     * {@link Character#isSpaceChar(char)} accepts, so no-break spaces count too (no whitespace character lies
     * outside the basic multilingual plane).
     *
     * @param text a text
     * @return the key text
     * @throws NullPointerException if text is null
     */
    public static String lowercaseCollapsedWhitespace(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        char[] out = new char[lower.length()];
        int length = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean space = c <= ' ' ? Character.isWhitespace(c)
                    : c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c));
            if (space) {
                pendingSpace = length > 0;
            } else {
                if (pendingSpace) {
                    out[length++] = ' ';
                    pendingSpace = false;
                }
                out[length++] = c;
            }
        }
        return new String(out, 0, length);
    }
}
