package dev.slant.inference.features;

/**
 * Stage 2: turns the token stream of one field into hashed word n-grams (and, optionally, character n-grams
 * within each token). Keeps the last few tokens in a ring of fixed arrays; allocates nothing per token. When the
 * bucket count is a power of two, a bucket is a mask of the hash, which equals {@link FeatureHash#bucket}.
 */
final class NgramStage implements TokenSink {
    private final int minN;
    private final int maxN;
    private final int charMinN;
    private final int charMaxN;
    private final int buckets;
    private final int mask;
    private final int[] hashes;
    private final int[] starts;
    private int seen;
    private int last;
    private int salt;
    private char[] text;
    private FeatureSink out;

    NgramStage(FeaturizerSettings settings) {
        this.minN = settings.wordMinN();
        this.maxN = settings.wordMaxN();
        this.charMinN = settings.charMinN();
        this.charMaxN = settings.charMaxN();
        this.buckets = settings.buckets();
        this.mask = Integer.bitCount(buckets) == 1 ? buckets - 1 : -1;
        this.hashes = new int[maxN];
        this.starts = new int[maxN];
    }

    /**
     * Starts a field: n-grams never cross fields.
     *
     * @param fieldText the field's characters, which the tokenizer reads (read here only for character n-grams)
     * @param fieldSalt 0 for the body, a salt for a field kept apart
     * @param sink      receives the features
     */
    void startField(char[] fieldText, int fieldSalt, FeatureSink sink) {
        this.seen = 0;
        this.last = maxN - 1;
        this.salt = fieldSalt;
        this.text = fieldText;
        this.out = sink;
    }

    private int bucket(int g) {
        // (g & 0x7fffffff) % 2^k == g & (2^k - 1) for every k <= 26 (see FeatureHash.bucket)
        return mask >= 0 ? g & mask : FeatureHash.bucket(g, buckets);
    }

    @Override
    public void token(int hash, int start, int end) {
        int slot = last + 1 == maxN ? 0 : last + 1;
        last = slot;
        hashes[slot] = hash;
        starts[slot] = start;
        if (seen < maxN) {
            seen++;
        }
        if (minN == 1) {
            out.feature(bucket(salt != 0 ? FeatureHash.fmix32(hash ^ salt) : hash), start, end);
        }
        for (int n = Math.max(minN, 2); n <= seen; n++) {
            int first = slot - n + 1;
            if (first < 0) {
                first += maxN;
            }
            int g = hashes[first];
            for (int k = 1, i = first; k < n; k++) {
                i = i + 1 == maxN ? 0 : i + 1;
                g = FeatureHash.chain(g, hashes[i]);
            }
            if (salt != 0) {
                g = FeatureHash.fmix32(g ^ salt);
            }
            out.feature(bucket(g), starts[first], end);
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
                    char c = k == 0 ? '<' : k == padded - 1 ? '>' : Character.toLowerCase(text[start + k - 1]);
                    h = FeatureHash.step(h, c);
                }
                int g = FeatureHash.fmix32(FeatureHash.fmix32(h) ^ FeatureHash.CHAR_SALT ^ salt);
                int spanStart = start + Math.max(0, i - 1);
                int spanEnd = Math.min(end, start + i + n - 1);
                out.feature(bucket(g), spanStart, spanEnd);
            }
        }
    }
}
