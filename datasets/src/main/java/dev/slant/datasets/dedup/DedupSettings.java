package dev.slant.datasets.dedup;

/**
 * How {@link Deduplicator} looks for near duplicates. Exact duplicates are always found.
 *
 * <p>Near duplicates: each text is cut into shingles of {@code shingleWords} words, its shingle set is summarised
 * by a MinHash signature of {@code bands * rowsPerBand} values, and two texts become candidates when all
 * {@code rowsPerBand} values of at least one band agree (LSH banding). A candidate pair is kept when the share
 * of agreeing signature values, the estimated Jaccard similarity of the shingle sets, is at least
 * {@code threshold}. With the defaults (32 bands of 8) a pair of similarity 0.9 becomes a candidate with
 * probability 1 - (1 - 0.9^8)^32, above 0.9999, and one of similarity 0.8 with probability 0.997; the estimate
 * has a standard error of 0.019 at similarity 0.9.
 *
 * @param nearDuplicates whether to look for near duplicates at all
 * @param shingleWords   words per shingle, at least 1
 * @param bands          LSH bands, at least 1
 * @param rowsPerBand    signature values per band, at least 1; bands * rowsPerBand at most
 *                       {@link MinHasher#MAX_HASHES}
 * @param threshold      smallest estimated Jaccard similarity of a near-duplicate pair, in (0, 1]
 * @param seed           seed of the MinHash family: the same input and seed give the same groups
 */
public record DedupSettings(boolean nearDuplicates, int shingleWords, int bands, int rowsPerBand, double threshold,
                            long seed) {

    /** Default words per shingle. */
    public static final int DEFAULT_SHINGLE_WORDS = 5;
    /** Default number of LSH bands. */
    public static final int DEFAULT_BANDS = 32;
    /** Default signature values per band. */
    public static final int DEFAULT_ROWS_PER_BAND = 8;
    /** Default smallest estimated Jaccard similarity of near duplicates. */
    public static final double DEFAULT_THRESHOLD = 0.9;
    /** Default seed of the MinHash family. */
    public static final long DEFAULT_SEED = 20240607L;

    /** Exact and near duplicates with every default. */
    public static final DedupSettings DEFAULT = new DedupSettings(true, DEFAULT_SHINGLE_WORDS, DEFAULT_BANDS,
            DEFAULT_ROWS_PER_BAND, DEFAULT_THRESHOLD, DEFAULT_SEED);

    /** Exact duplicates only. */
    public static final DedupSettings EXACT_ONLY = DEFAULT.withNearDuplicates(false);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a number is out of range
     */
    public DedupSettings {
        if (shingleWords < 1) {
            throw new IllegalArgumentException("shingle words must be at least 1, got " + shingleWords);
        }
        if (bands < 1 || rowsPerBand < 1 || (long) bands * rowsPerBand > MinHasher.MAX_HASHES) {
            throw new IllegalArgumentException("bands and rows per band must be at least 1 and their product at most "
                    + MinHasher.MAX_HASHES + ", got " + bands + " bands of " + rowsPerBand);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("near-duplicate threshold must be in (0, 1], got " + threshold);
        }
    }

    /** @return the MinHash signature length, bands * rowsPerBand */
    public int signatureLength() {
        return bands * rowsPerBand;
    }

    /**
     * @param near whether to look for near duplicates
     * @return these settings with that choice
     */
    public DedupSettings withNearDuplicates(boolean near) {
        return new DedupSettings(near, shingleWords, bands, rowsPerBand, threshold, seed);
    }

    /**
     * @param newThreshold smallest estimated Jaccard similarity of near duplicates
     * @return these settings with that threshold
     * @throws IllegalArgumentException if it is not in (0, 1]
     */
    public DedupSettings withThreshold(double newThreshold) {
        return new DedupSettings(nearDuplicates, shingleWords, bands, rowsPerBand, newThreshold, seed);
    }

    /**
     * @param newSeed seed of the MinHash family
     * @return these settings with that seed
     */
    public DedupSettings withSeed(long newSeed) {
        return new DedupSettings(nearDuplicates, shingleWords, bands, rowsPerBand, threshold, newSeed);
    }
}
