package dev.slant.inference.features;

/**
 * Stage 2, beside the words: character n-grams of a field's raw text, case, punctuation and spacing kept (a run of
 * white space is one space), across word boundaries, as scikit-learn's {@code analyzer='char'} makes them. Keeps the
 * last few characters in a fixed array; allocates nothing per character.
 */
final class RawCharStage {
    private final int minN;
    private final int maxN;
    private final int buckets;
    private final int mask;
    private final char[] last;
    private final int[] at;

    RawCharStage(FeaturizerSettings settings) {
        this.minN = settings.rawCharMinN();
        this.maxN = settings.rawCharMaxN();
        this.buckets = settings.buckets();
        this.mask = Integer.bitCount(buckets) == 1 ? buckets - 1 : -1;
        this.last = new char[maxN];
        this.at = new int[maxN];
    }

    /**
     * Emits every n-gram of a field.
     *
     * @param text the field's characters
     * @param n    how many of them
     * @param salt 0 for the body, a salt for a field kept apart
     * @param out  receives each n-gram's bucket and span
     */
    void emit(char[] text, int n, int salt, FeatureSink out) {
        int held = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            if (Character.isWhitespace(c)) {
                if (space) {
                    continue;
                }
                c = ' ';
                space = true;
            } else {
                space = false;
            }
            if (held == maxN) {
                System.arraycopy(last, 1, last, 0, maxN - 1);
                System.arraycopy(at, 1, at, 0, maxN - 1);
                held--;
            }
            last[held] = c;
            at[held] = i;
            held++;
            for (int k = minN; k <= held; k++) {
                int h = FeatureHash.FNV_OFFSET;
                for (int j = held - k; j < held; j++) {
                    h = FeatureHash.step(h, last[j]);
                }
                int g = FeatureHash.fmix32(FeatureHash.fmix32(h) ^ FeatureHash.RAW_CHAR_SALT ^ salt);
                out.feature(mask >= 0 ? g & mask : FeatureHash.bucket(g, buckets), at[held - k], i + 1);
            }
        }
    }
}
