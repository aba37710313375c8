package dev.slant.datasets.scrub;

import java.util.Arrays;
import java.util.List;

/**
 * Phrases in normal form, looked up by parts of a text without building strings: a part is first checked against
 * the phrases' {@link PhraseText#signature signatures} (a bit set that fits in the L1 cache), and only then compared,
 * character by character, with the few phrases of its signature. A part that shares a signature with a phrase but is
 * not that phrase (about one sentence in six of article-bias's, which start and end as a phrase does) differs from it
 * within a few characters, where hashing it first read the whole part. Immutable and thread-safe.
 */
final class PhraseTable {
    private static final int SIGNATURE_BITS = 1 << 16;
    private final List<String> phrases;
    /** Each phrase's signature bit, increasing. */
    private final int[] signatureBits;
    /** The phrase index of each entry of {@link #signatureBits}. */
    private final int[] phraseOf;
    private final long[] signatures = new long[SIGNATURE_BITS / 64];
    private final long[] starts = new long[SIGNATURE_BITS / 64];

    /** @param phrases phrases in normal form */
    PhraseTable(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        int n = this.phrases.size();
        long[] bitAndPhrase = new long[n];
        for (int i = 0; i < n; i++) {
            String p = this.phrases.get(i);
            int bit = bit(PhraseText.signature(p, 0, p.length()));
            bitAndPhrase[i] = (long) bit << 32 | i;
            signatures[bit >>> 6] |= 1L << bit;
            int start = bit(PhraseText.startSignature(p, 0, p.length()));
            starts[start >>> 6] |= 1L << start;
        }
        Arrays.sort(bitAndPhrase);
        this.signatureBits = new int[n];
        this.phraseOf = new int[n];
        for (int i = 0; i < n; i++) {
            signatureBits[i] = (int) (bitAndPhrase[i] >>> 32);
            phraseOf[i] = (int) bitAndPhrase[i];
        }
    }

    private static int bit(long signature) {
        return (int) signature & (SIGNATURE_BITS - 1);
    }

    private static boolean get(long[] bits, int bit) {
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** @return true if there is no phrase */
    boolean isEmpty() {
        return phrases.isEmpty();
    }

    /**
     * @param i a phrase index
     * @return the phrase
     */
    String get(int i) {
        return phrases.get(i);
    }

    /**
     * Whether some phrase may start where a text's part starts (by the first two characters).
     *
     * @param text  the text
     * @param start the part's first non-space character
     * @param end   the end of the line it is in
     * @return false if no phrase starts so
     */
    boolean mayStartAt(CharSequence text, int start, int end) {
        return get(starts, bit(PhraseText.startSignature(text, start, end)));
    }

    /**
     * The phrase that is the normal form of a part of a text.
     *
     * @param text  the text
     * @param start the part's first non-space character
     * @param end   just after its last non-space character
     * @return the phrase's index, or -1
     */
    int find(CharSequence text, int start, int end) {
        int bit = bit(PhraseText.signature(text, start, end));
        if (!get(signatures, bit)) {
            return -1;
        }
        // The first entry of the bit (phrases in normal form are distinct, so at most one matches).
        int lo = 0;
        int hi = signatureBits.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (signatureBits[mid] < bit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int e = lo; e < signatureBits.length && signatureBits[e] == bit; e++) {
            if (PhraseText.matches(text, start, end, phrases.get(phraseOf[e]))) {
                return phraseOf[e];
            }
        }
        return -1;
    }
}
