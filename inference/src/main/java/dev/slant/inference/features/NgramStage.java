package dev.slant.inference.features;

/**
 * Stage 2: turns the token stream of one field into hashed word n-grams (and, optionally, character n-grams
 * within each token). Keeps the last few tokens in fixed arrays; allocates nothing per token.
 */
final class NgramStage implements TokenSink {
    private final int minN;
    private final int maxN;
    private final int charMinN;
    private final int charMaxN;
    private final int buckets;
    private final int[] hashes;
    private final int[] starts;
    private int seen;
    private int salt;
    private CharSequence text;
    private FeatureSink out;

    NgramStage(FeaturizerSettings settings) {
        this.minN = settings.wordMinN();
        this.maxN = settings.wordMaxN();
        this.charMinN = settings.charMinN();
        this.charMaxN = settings.charMaxN();
        this.buckets = settings.buckets();
        this.hashes = new int[maxN];
        this.starts = new int[maxN];
    }

    /**
     * Starts a field: n-grams never cross fields.
     *
     * @param fieldText the field's text (read only for character n-grams)
     * @param fieldSalt 0 for the body, a salt for a field kept apart
     * @param sink      receives the features
     */
    void startField(CharSequence fieldText, int fieldSalt, FeatureSink sink) {
        this.seen = 0;
        this.salt = fieldSalt;
        this.text = fieldText;
        this.out = sink;
    }

    @Override
    public void token(int hash, int start, int end) {
        if (seen >= maxN) {
            System.arraycopy(hashes, 1, hashes, 0, maxN - 1);
            System.arraycopy(starts, 1, starts, 0, maxN - 1);
        }
        int slot = Math.min(seen, maxN - 1);
        hashes[slot] = hash;
        starts[slot] = start;
        seen++;
        int available = Math.min(seen, maxN);
        for (int n = minN; n <= available; n++) {
            int first = slot - n + 1;
            int g = hashes[first];
            for (int k = first + 1; k <= slot; k++) {
                g = FeatureHash.chain(g, hashes[k]);
            }
            if (salt != 0) {
                g = FeatureHash.fmix32(g ^ salt);
            }
            out.feature(FeatureHash.bucket(g, buckets), starts[first], end);
        }
        if (charMaxN > 0) {
            charNgrams(start, end);
        }
    }

    /** Character n-grams of the token padded as "<token>", fastText style. */
    private void charNgrams(int start, int end) {
        int padded = end - start + 2;
        for (int n = charMinN; n <= charMaxN && n <= padded; n++) {
            for (int i = 0; i + n <= padded; i++) {
                int h = FeatureHash.FNV_OFFSET;
                for (int k = i; k < i + n; k++) {
                    char c = k == 0 ? '<' : k == padded - 1 ? '>' : Character.toLowerCase(text.charAt(start + k - 1));
                    h = FeatureHash.step(h, c);
                }
                int g = FeatureHash.fmix32(FeatureHash.fmix32(h) ^ FeatureHash.CHAR_SALT ^ salt);
                int spanStart = start + Math.max(0, i - 1);
                int spanEnd = Math.min(end, start + i + n - 1);
                out.feature(FeatureHash.bucket(g, buckets), spanStart, spanEnd);
            }
        }
    }
}
