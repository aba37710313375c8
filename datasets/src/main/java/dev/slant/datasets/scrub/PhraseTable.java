package dev.slant.datasets.scrub;

import java.util.Arrays;
import java.util.List;

/**
 * Phrases in normal form, looked up by parts of a text without building strings: a part is first checked against
 * the phrases' {@link PhraseText#signature signatures} (a bit set that fits in the L1 cache), only then hashed and
 * looked up, and a hash hit is compared character by character, so that a collision never removes text. Immutable
 * and thread-safe.
 */
final class PhraseTable {
    private static final int SIGNATURE_BITS = 1 << 16;
    private final List<String> phrases;
    private final long[] hashes;
    private final int[] slots;
    private final int mask;
    private final long[] signatures = new long[SIGNATURE_BITS / 64];
    private final long[] starts = new long[SIGNATURE_BITS / 64];

    /** @param phrases phrases in normal form */
    PhraseTable(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        int capacity = Integer.highestOneBit(Math.max(4, this.phrases.size() * 2 - 1)) << 1;
        this.hashes = new long[capacity];
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(slots, -1);
        for (int i = 0; i < this.phrases.size(); i++) {
            String p = this.phrases.get(i);
            long h = PhraseText.hash(p);
            int s = (int) PhraseText.mix(h) & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            hashes[s] = h;
            slots[s] = i;
            set(signatures, PhraseText.signature(p, 0, p.length()));
            set(starts, PhraseText.startSignature(p, 0, p.length()));
        }
    }

    private static void set(long[] bits, long signature) {
        int b = (int) signature & (SIGNATURE_BITS - 1);
        bits[b >>> 6] |= 1L << b;
    }

    private static boolean get(long[] bits, long signature) {
        int b = (int) signature & (SIGNATURE_BITS - 1);
        return (bits[b >>> 6] & (1L << b)) != 0;
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
        return get(starts, PhraseText.startSignature(text, start, end));
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
        if (!get(signatures, PhraseText.signature(text, start, end))) {
            return -1;
        }
        long hash = PhraseText.hash(text, start, end);
        for (int s = (int) PhraseText.mix(hash) & mask; slots[s] >= 0; s = (s + 1) & mask) {
            if (hashes[s] == hash && PhraseText.matches(text, start, end, phrases.get(slots[s]))) {
                return slots[s];
            }
        }
        return -1;
    }
}
