package dev.slant.inference.features;

/**
 * The fixed hash functions of the featurizer. They are part of the bundle format: changing any constant here
 * changes every feature index, so {@link FeaturizerSettings#HASH_SCHEME} names this exact scheme and bundles
 * record it.
 *
 * <ul>
 *   <li>A token's hash is 32-bit FNV-1a over its lower-cased UTF-16 code units, finished with MurmurHash3's
 *       {@code fmix32}.</li>
 *   <li>An n-gram's hash chains its tokens' hashes: {@code g1 = h(t1)}, {@code gk = fmix32(g(k-1) * 0x9E3779B1 + h(tk))}.</li>
 *   <li>A field other than the body (the title, when kept apart) is salted: {@code fmix32(g ^ salt)}.</li>
 *   <li>A character n-gram of the raw text is FNV-1a over its code units as they are (not lower-cased), then
 *       {@code fmix32(fmix32(h) ^ RAW_CHAR_SALT ^ fieldSalt)}.</li>
 *   <li>A bucket is {@code (g & 0x7fffffff) % buckets}.</li>
 * </ul>
 */
public final class FeatureHash {
    /** FNV-1a offset basis. */
    public static final int FNV_OFFSET = 0x811C9DC5;
    /** FNV-1a prime. */
    public static final int FNV_PRIME = 0x01000193;
    /** Multiplier chaining n-gram hashes (the 32-bit golden ratio). */
    public static final int CHAIN = 0x9E3779B1;
    /** Salt of title features when the title is kept apart from the body. */
    public static final int TITLE_SALT = 0x7A1E5EED;
    /** Salt of character n-gram features, so they never share hashes with word n-grams. */
    public static final int CHAR_SALT = 0x0C4A8511;
    /** Salt of character n-grams of the raw text, so they never share hashes with words or in-word n-grams. */
    public static final int RAW_CHAR_SALT = 0x5D1E7A3B;

    private FeatureHash() {
    }

    /**
     * One step of FNV-1a.
     *
     * @param h the hash so far (start with {@link #FNV_OFFSET})
     * @param c the next (lower-cased) code unit
     * @return the new hash
     */
    public static int step(int h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /**
     * MurmurHash3's 32-bit finalizer: spreads every input bit over the output.
     *
     * @param h a hash
     * @return the mixed hash
     */
    public static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * The hash of a whole token, as the tokenizer computes it incrementally.
     *
     * @param token the token, already lower-cased
     * @return its hash
     */
    public static int token(CharSequence token) {
        int h = FNV_OFFSET;
        for (int i = 0; i < token.length(); i++) {
            h = step(h, token.charAt(i));
        }
        return fmix32(h);
    }

    /**
     * Extends an n-gram hash by one token.
     *
     * @param gram  the hash of the first n-1 tokens
     * @param token the next token's hash
     * @return the hash of the n-gram
     */
    public static int chain(int gram, int token) {
        return fmix32(gram * CHAIN + token);
    }

    /**
     * The bucket of a hash.
     *
     * @param hash    a feature hash
     * @param buckets the number of buckets
     * @return the bucket, in [0, buckets)
     */
    public static int bucket(int hash, int buckets) {
        return (hash & 0x7fffffff) % buckets;
    }
}
