package dev.slant.inference.features;

/**
 * Stage 1: splits text into tokens and hashes each while scanning, without allocating. A token is a maximal run
 * of letters and digits, lower-cased; an apostrophe or any other character ends it. Tokens shorter than the
 * minimum length, and (optionally) tokens containing a digit, are dropped.
 */
final class Tokenizer {
    private final int minLength;
    private final boolean dropNumbers;

    Tokenizer(int minLength, boolean dropNumbers) {
        this.minLength = minLength;
        this.dropNumbers = dropNumbers;
    }

    /** Bit set in a {@link #code} for a digit. */
    private static final int DIGIT = 1 << 16;
    /** The {@link #code} of each ASCII character. */
    private static final int[] ASCII = asciiCodes();

    private static int[] asciiCodes() {
        int[] t = new int[128];
        for (char c = 'a'; c <= 'z'; c++) {
            t[c] = c;
            t[c - 32] = c;
        }
        for (char c = '0'; c <= '9'; c++) {
            t[c] = c | DIGIT;
        }
        return t;
    }

    /**
     * A character's part in a token: 0 if it ends one, else its lower-cased form, with {@link #DIGIT} set for a digit.
     */
    private static int code(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        if (!Character.isLetterOrDigit(c)) {
            return 0;
        }
        return Character.toLowerCase(c) | (Character.isDigit(c) ? DIGIT : 0);
    }

    /**
     * Tokenizes a text (copying it first; the featurizer's hot path calls {@link #tokenize(char[], int, TokenSink)}
     * with a reused buffer).
     *
     * @param text the text
     * @param sink receives each kept token
     */
    void tokenize(CharSequence text, TokenSink sink) {
        tokenize(chars(text, new char[text.length()]), text.length(), sink);
    }

    /**
     * Copies a text's characters into a buffer, a larger new one if it is too small.
     *
     * @param text   the text
     * @param buffer a buffer, reused when it is large enough
     * @return the buffer holding the text from index 0
     */
    static char[] chars(CharSequence text, char[] buffer) {
        int n = text.length();
        char[] out = buffer.length >= n ? buffer : new char[Math.max(n, buffer.length * 2)];
        if (text instanceof String s) {
            s.getChars(0, n, out, 0);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = text.charAt(i);
            }
        }
        return out;
    }

    /**
     * Tokenizes the first n characters of an array: the same tokens, hashes and spans as
     * {@link #tokenize(CharSequence, TokenSink)} gives for the text they hold.
     *
     * @param chars the characters
     * @param n     how many to read
     * @param sink  receives each kept token
     */
    void tokenize(char[] chars, int n, TokenSink sink) {
        int h = FeatureHash.FNV_OFFSET;
        int start = -1;
        int digit = 0;
        for (int i = 0; i < n; i++) {
            int code = code(chars[i]);
            if (code != 0) {
                if (start < 0) {
                    start = i;
                    h = FeatureHash.FNV_OFFSET;
                    digit = 0;
                }
                h = FeatureHash.step(h, (char) code);
                digit |= code;
            } else if (start >= 0) {
                emit(h, start, i, (digit & DIGIT) != 0, sink);
                start = -1;
            }
        }
        if (start >= 0) {
            emit(h, start, n, (digit & DIGIT) != 0, sink);
        }
    }

    private void emit(int h, int start, int end, boolean digit, TokenSink sink) {
        if (end - start < minLength || (digit && dropNumbers)) {
            return;
        }
        sink.token(FeatureHash.fmix32(h), start, end);
    }

    /**
     * The lower-cased form of a token, as hashed (for explanations, not the hot path).
     *
     * @param text  the text
     * @param start the token's start
     * @param end   its end
     * @return the token
     */
    static String tokenText(CharSequence text, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            sb.append(Character.toLowerCase(text.charAt(i)));
        }
        return sb.toString();
    }
}
