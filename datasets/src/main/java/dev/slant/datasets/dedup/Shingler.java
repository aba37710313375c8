package dev.slant.datasets.dedup;

import dev.slant.datasets.Hashing;
import java.util.Arrays;

/**
 * Cuts a text into overlapping word shingles and hashes each to 64 bits. A word is a maximal run of letters and
 * digits ({@link Character#isLetterOrDigit(int)}), lower-cased ({@link Character#toLowerCase(int)}), so
 * punctuation, case and spacing do not matter. A text with fewer words than a shingle has one shingle of all its
 * words; a text without words has none. Immutable and thread-safe.
 */
public final class Shingler {
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    private final int wordsPerShingle;

    /**
     * @param wordsPerShingle words in one shingle, at least 1
     * @throws IllegalArgumentException if wordsPerShingle is below 1
     */
    public Shingler(int wordsPerShingle) {
        if (wordsPerShingle < 1) {
            throw new IllegalArgumentException("words per shingle must be at least 1, got " + wordsPerShingle);
        }
        this.wordsPerShingle = wordsPerShingle;
    }

    /** @return the words in one shingle */
    public int wordsPerShingle() {
        return wordsPerShingle;
    }

    /**
     * The hashes of a text's shingles, in text order (a shingle that occurs twice is listed twice).
     *
     * @param text a text
     * @return the shingle hashes, empty when the text has no words
     * @throws NullPointerException if text is null
     */
    public long[] shingles(CharSequence text) {
        Shingles out = new Shingles(wordsPerShingle, text.length() / 6);
        long word = Hashing.FNV_OFFSET;
        boolean inWord = false;
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            int cp;
            boolean letter;
            if (c < 128) {
                cp = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
                letter = ASCII_WORD[c];
                i++;
            } else {
                cp = Character.codePointAt(text, i);
                i += Character.charCount(cp);
                letter = Character.isLetterOrDigit(cp);
                cp = Character.toLowerCase(cp);
            }
            if (letter) {
                word = (word ^ cp) * Hashing.FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                out.addWord(Hashing.fmix64(word));
                word = Hashing.FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            out.addWord(Hashing.fmix64(word));
        }
        return out.toArray();
    }

    /** The words seen so far (the last few of them) and the shingle hashes made of them. */
    private static final class Shingles {
        private final long[] window;
        private long[] hashes;
        private int count;
        private int words;

        Shingles(int wordsPerShingle, int expected) {
            window = new long[wordsPerShingle];
            hashes = new long[Math.max(4, expected)];
        }

        void addWord(long hash) {
            window[words % window.length] = hash;
            words++;
            if (words >= window.length) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = shingle();
            }
        }

        /** Hashes the last min(words, size) words, oldest first. */
        private long shingle() {
            int n = Math.min(words, window.length);
            long h = n;
            for (int j = words - n; j < words; j++) {
                h = h * Hashing.FNV_PRIME + window[j % window.length];
            }
            return Hashing.fmix64(h);
        }

        long[] toArray() {
            if (words > 0 && words < window.length) {
                return new long[] {shingle()};
            }
            return Arrays.copyOf(hashes, count);
        }
    }
}
