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

    /**
     * Tokenizes a text.
     *
     * @param text the text
     * @param sink receives each kept token
     */
    void tokenize(CharSequence text, TokenSink sink) {
        int n = text.length();
        int h = FeatureHash.FNV_OFFSET;
        int start = -1;
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char lower;
            boolean isDigit = false;
            if (c < 128) {
                if (c >= 'a' && c <= 'z') {
                    lower = c;
                } else if (c >= 'A' && c <= 'Z') {
                    lower = (char) (c + 32);
                } else if (c >= '0' && c <= '9') {
                    lower = c;
                    isDigit = true;
                } else {
                    lower = 0;
                }
            } else if (Character.isLetterOrDigit(c)) {
                lower = Character.toLowerCase(c);
                isDigit = Character.isDigit(c);
            } else {
                lower = 0;
            }
            if (lower != 0) {
                if (start < 0) {
                    start = i;
                    h = FeatureHash.FNV_OFFSET;
                    digit = false;
                }
                h = FeatureHash.step(h, lower);
                digit |= isDigit;
            } else if (start >= 0) {
                emit(h, start, i, digit, sink);
                start = -1;
            }
        }
        if (start >= 0) {
            emit(h, start, n, digit, sink);
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
