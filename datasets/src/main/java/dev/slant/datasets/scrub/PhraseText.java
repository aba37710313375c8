package dev.slant.datasets.scrub;

import dev.slant.datasets.Hashing;

/**
 * The normal form of a phrase, in which learned boilerplate is stored and compared: whitespace runs (spaces, tabs,
 * carriage returns, no-break and other Unicode spaces) become one space, leading and trailing whitespace goes, and
 * every ASCII digit becomes {@code '#'} (so "Copyright © 2019" and "Copyright © 2020" are one phrase). Letters keep
 * their case. Also the 64-bit hash of that form, computed incrementally while a text is scanned so that no string is
 * built on the hot path.
 */
final class PhraseText {
    /** Hash of the empty phrase (the FNV-1a 64-bit offset basis). */
    static final long EMPTY_HASH = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** What every digit becomes in the normal form. */
    static final char DIGIT = '#';

    private PhraseText() {
    }

    /**
     * Whether a character is whitespace: an ASCII control character or space, or a Unicode space or line separator
     * (U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000: the characters
     * {@link Character#isWhitespace} or {@link Character#isSpaceChar} accept, written out because this runs for every
     * curly quote of a text).
     *
     * @param c a character
     * @return true if it is whitespace (a line break included)
     */
    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c <= ' ';
        }
        if (c < 0x2000) {
            return c == '\u0085' || c == '\u00a0' || c == '\u1680';
        }
        return c <= '\u200a' || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /**
     * @param c a character
     * @return the character as it stands in the normal form ({@link #DIGIT} for an ASCII digit)
     */
    static char fold(char c) {
        return (char) (c - '0') < 10 ? DIGIT : c;
    }

    /**
     * One step of the hash.
     *
     * @param hash the hash so far
     * @param folded the next character of the normal form
     * @return the new hash
     */
    static long step(long hash, char folded) {
        return (hash ^ folded) * FNV_PRIME;
    }

    /**
     * The normal form of part of a text.
     *
     * @param text the text
     * @param from first index
     * @param to   end index (exclusive)
     * @return the normal form
     */
    static String normalize(CharSequence text, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(fold(c));
            }
        }
        return sb.toString();
    }

    /**
     * @param phrase a phrase
     * @return its normal form
     */
    static String normalize(String phrase) {
        return normalize(phrase, 0, phrase.length());
    }

    /**
     * The hash of a phrase already in normal form; equal to {@link #hash(CharSequence, int, int)} of any text whose
     * normal form it is.
     *
     * @param normalized a phrase in normal form
     * @return its hash
     */
    static long hash(String normalized) {
        return hash(normalized, 0, normalized.length());
    }

    /**
     * The hash of the normal form of part of a text.
     *
     * @param text the text
     * @param from first index
     * @param to   end index (exclusive)
     * @return the hash
     */
    static long hash(CharSequence text, int from, int to) {
        return extend(EMPTY_HASH, true, text, from, to);
    }

    /**
     * Continues a hash: the hash of the normal form of a text's part [a, to), given the hash of [a, from).
     *
     * @param hash  the hash of [a, from)
     * @param empty whether [a, from) has no non-space character
     * @param text  the text
     * @param from  where to continue
     * @param to    end index (exclusive); the part must end with a non-space character, or the text
     * @return the hash of [a, to)
     */
    static long extend(long hash, boolean empty, CharSequence text, int from, int to) {
        long h = hash;
        boolean space = false;
        boolean none = empty;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = !none;
            } else {
                if (space) {
                    h = step(h, ' ');
                    space = false;
                }
                h = step(h, fold(c));
                none = false;
            }
        }
        return h;
    }

    /**
     * A cheap fingerprint of the normal form of part of a text: its first two and last two characters. Equal
     * normal forms have equal signatures, so a part whose signature no phrase has need not be hashed.
     *
     * @param text  the text
     * @param start the part's first non-space character
     * @param end   just after its last non-space character
     * @return the signature
     */
    static long signature(CharSequence text, int start, int end) {
        long first = fold(text.charAt(start));
        long last = fold(text.charAt(end - 1));
        long second = end - start >= 2 ? normal(text.charAt(start + 1)) : 0;
        long beforeLast = end - start >= 2 ? normal(text.charAt(end - 2)) : 0;
        return Hashing.fmix64(first << 48 | second << 32 | beforeLast << 16 | last);
    }

    /**
     * A cheap fingerprint of how a text's part starts: its first two characters in normal form.
     *
     * @param text  the text
     * @param start the part's first non-space character
     * @param end   the text's or line's end
     * @return the signature
     */
    static long startSignature(CharSequence text, int start, int end) {
        long first = fold(text.charAt(start));
        long second = end - start >= 2 ? normal(text.charAt(start + 1)) : 0;
        return Hashing.fmix64(first << 16 | second);
    }

    private static char normal(char c) {
        return isSpace(c) ? ' ' : fold(c);
    }

    /**
     * Whether part of a text has a given normal form, without building it.
     *
     * @param text       the text
     * @param from       first index, a non-space character
     * @param to         end index (exclusive), just after a non-space character
     * @param normalized the normal form to compare with
     * @return true if they are equal
     */
    static boolean matches(CharSequence text, int from, int to, String normalized) {
        int k = 0;
        int n = normalized.length();
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space) {
                if (k >= n || normalized.charAt(k) != ' ') {
                    return false;
                }
                k++;
                space = false;
            }
            if (k >= n || fold(normalized.charAt(k)) != fold(c)) {
                return false;
            }
            k++;
        }
        return k == n;
    }
}
