package dev.slant.inference.features;

/**
 * Every setting of the featurizer, validated in one place. Saved in each bundle's manifest, so a bundle
 * rebuilds exactly the featurizer it was trained with.
 *
 * @param hashScheme   the hash functions' version, {@link #HASH_SCHEME} (see {@link FeatureHash})
 * @param wordMinN     smallest word n-gram (1 or more)
 * @param wordMaxN     largest word n-gram (wordMinN to 4)
 * @param charMinN     smallest character n-gram within a word, 0 for none
 * @param charMaxN     largest character n-gram within a word, 0 for none
 * @param rawCharMinN  smallest character n-gram of the raw text, 0 for none: case, punctuation and spacing kept (a run
 *                     of white space counts as one space), across words, as scikit-learn's {@code analyzer='char'}.
 *                     They learn an outlet's house style (quote marks, dashes, capitals, datelines), which helps only
 *                     where the outlets scored were seen in training, such as the random split
 * @param rawCharMaxN  largest character n-gram of the raw text, 0 for none
 * @param titleMode    how the title is used
 * @param titleWeight  with the title apart: 0 for one L2 norm over title and body together (bundles before format
 *                     2.2); above 0, the title's and the body's tf-idf vectors are each scaled to unit length, the
 *                     title's times this weight is added to the body's, and the sum is scaled to unit length
 *                     (needs {@link TitleMode#SEPARATE} and l2; default {@value #DEFAULT_TITLE_WEIGHT})
 * @param buckets      number of hash buckets (2 to 2^26)
 * @param minTokenLength tokens shorter than this are dropped (2 drops "s" of "Trump's", as scikit-learn does; the
 *                     default, {@link #DEFAULT_MIN_TOKEN_LENGTH}, drops two-letter words too)
 * @param dropNumbers  drop tokens that contain a digit (dates and counts are outlet fingerprints more than stance)
 * @param sublinearTf  use 1 + ln(tf) instead of tf
 * @param idf          weight by inverse document frequency fitted on the training data
 * @param minDf        buckets seen in fewer training documents are dropped (needs idf; 1 keeps all)
 * @param minOutlets   buckets seen in the training articles of fewer distinct outlets are dropped (needs idf;
 *                     1 keeps all): an n-gram that only one outlet writes is a fingerprint of that outlet, not of
 *                     stance or topic. Articles without outlet metadata count as outlets of their own.
 * @param l2           scale each vector to unit length
 * @param scrub        remove outlet fingerprints before tokenizing
 */
public record FeaturizerSettings(
        String hashScheme,
        int wordMinN,
        int wordMaxN,
        int charMinN,
        int charMaxN,
        int rawCharMinN,
        int rawCharMaxN,
        TitleMode titleMode,
        double titleWeight,
        int buckets,
        int minTokenLength,
        boolean dropNumbers,
        boolean sublinearTf,
        boolean idf,
        int minDf,
        int minOutlets,
        boolean l2,
        boolean scrub) {

    /** The hash scheme this code implements. */
    public static final String HASH_SCHEME = "fnv1a32-fmix32-chain-v1";

    /** The default minimum number of outlets an n-gram must appear in. */
    public static final int DEFAULT_MIN_OUTLETS = 10;
    /** The default smallest word n-gram. */
    public static final int DEFAULT_WORD_MIN_N = 1;
    /** The default largest word n-gram. */
    public static final int DEFAULT_WORD_MAX_N = 2;
    /**
     * The default shortest token kept: 3, which also drops two-letter words. Among them are house-style marks of
     * outlets ("Mr." and "Ms." before names, which the New York Times writes and most outlets do not), so on
     * article-bias the outlet-disjoint cross-validation of stance gains on every one of six fold draws (mean
     * macro-F1 0.440 against 0.416 with 2, as scikit-learn keeps) and topic gains on the random split's valid part
     * (0.470 against 0.465, accuracy 0.613 against 0.610), while the splits that share outlets between train and test
     * lose (media test 0.597 against 0.613). Dropping only "mr", "ms" and "mrs" gained 0.004 on the seed-42 folds,
     * 129 English stop words 0.001, three-letter minimum 0.009.
     */
    public static final int DEFAULT_MIN_TOKEN_LENGTH = 3;
    /**
     * The default weight of the title's unit vector beside the body's, 0.5. Under one norm over both (0), a title of
     * ten words weighs little beside a body of hundreds, yet it names the story. Chosen for topic on a slice of the
     * random split's train part (18.75% of it, seed 42; never its valid or test part) in scikit-learn, 108-topic
     * macro-F1 (accuracy) on the slice: one norm 0.430 (0.615); weights 0.3 0.459 (0.629), 0.4 0.463 (0.633), 0.5 0.475
     * (0.637), 0.7 0.474 (0.634), 1 0.458 (0.621). In Slant, topic on the random split's valid part rose from 0.470
     * (0.613) to 0.494 (0.631); stance's outlet cross-validation fell from 0.469 to 0.464 on average over the fold
     * draws of seeds 42 to 47, every draw by 0.002 to 0.007: one featurizer serves both targets, and topic gains more.
     */
    public static final double DEFAULT_TITLE_WEIGHT = 0.5;
    /** The default number of hash buckets, 2^20. */
    public static final int DEFAULT_BUCKETS = 1 << 20;

    /**
     * The defaults: word 1-2 grams of tokens of {@value #DEFAULT_MIN_TOKEN_LENGTH}+ characters without digits, no
     * character n-grams, title apart with weight {@value #DEFAULT_TITLE_WEIGHT}, 2^20 buckets, sublinear tf-idf with
     * min_df 2, n-grams of at least {@value #DEFAULT_MIN_OUTLETS} outlets, L2, scrubbed.
     */
    public static final FeaturizerSettings DEFAULTS = new FeaturizerSettings(
            HASH_SCHEME, DEFAULT_WORD_MIN_N, DEFAULT_WORD_MAX_N, 0, 0, 0, 0, TitleMode.SEPARATE, DEFAULT_TITLE_WEIGHT,
            DEFAULT_BUCKETS, DEFAULT_MIN_TOKEN_LENGTH, true, true, true, 2, DEFAULT_MIN_OUTLETS, true, true);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public FeaturizerSettings {
        if (!HASH_SCHEME.equals(hashScheme)) {
            throw new IllegalArgumentException("unknown hash scheme '" + hashScheme + "'; this version reads " + HASH_SCHEME);
        }
        if (wordMinN < 1 || wordMaxN < wordMinN || wordMaxN > 4) {
            throw new IllegalArgumentException("word n-gram range must satisfy 1 <= min <= max <= 4, got " + wordMinN + ".." + wordMaxN);
        }
        boolean chars = charMinN != 0 || charMaxN != 0;
        if (chars && (charMinN < 1 || charMaxN < charMinN || charMaxN > 8)) {
            throw new IllegalArgumentException("character n-gram range must be 0..0 (off) or 1 <= min <= max <= 8, got " + charMinN + ".." + charMaxN);
        }
        boolean rawChars = rawCharMinN != 0 || rawCharMaxN != 0;
        if (rawChars && (rawCharMinN < 1 || rawCharMaxN < rawCharMinN || rawCharMaxN > 8)) {
            throw new IllegalArgumentException("raw character n-gram range must be 0..0 (off) or 1 <= min <= max <= 8, got "
                    + rawCharMinN + ".." + rawCharMaxN);
        }
        if (titleMode == null) {
            throw new IllegalArgumentException("titleMode is required");
        }
        if (!(titleWeight >= 0) || Double.isInfinite(titleWeight)) {
            throw new IllegalArgumentException("titleWeight must be 0 or a positive finite number, got " + titleWeight);
        }
        if (titleWeight > 0 && (titleMode != TitleMode.SEPARATE || !l2)) {
            throw new IllegalArgumentException("titleWeight " + titleWeight + " weighs the title apart, which needs title mode "
                    + TitleMode.SEPARATE + " and l2 (title mode " + titleMode + ", l2 " + l2 + "); 0 turns it off");
        }
        if (buckets < 2 || buckets > (1 << 26)) {
            throw new IllegalArgumentException("buckets must be in [2, 2^26], got " + buckets);
        }
        if (minTokenLength < 1 || minTokenLength > 10) {
            throw new IllegalArgumentException("minTokenLength must be in [1, 10], got " + minTokenLength);
        }
        if (minDf < 1) {
            throw new IllegalArgumentException("minDf must be at least 1, got " + minDf);
        }
        if (minOutlets < 1) {
            throw new IllegalArgumentException("minOutlets must be at least 1, got " + minOutlets);
        }
        if (minOutlets > 1 && !idf) {
            throw new IllegalArgumentException("minOutlets > 1 needs idf (outlet counts are fitted with it)");
        }
        if (minDf > 1 && !idf) {
            throw new IllegalArgumentException("minDf > 1 needs idf (document frequencies are fitted with it)");
        }
    }

    /**
     * @param min smallest character n-gram of the raw text, 0 for none
     * @param max largest, 0 for none
     * @return these settings with another raw character n-gram range
     */
    public FeaturizerSettings withRawCharNgrams(int min, int max) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, min, max, titleMode,
                titleWeight, buckets, minTokenLength, dropNumbers, sublinearTf, idf, minDf, minOutlets, l2, scrub);
    }

    /** @return true if character n-grams of the raw text are on */
    public boolean rawCharNgrams() {
        return rawCharMaxN > 0;
    }

    /** @return true if character n-grams are on */
    public boolean charNgrams() {
        return charMaxN > 0;
    }

    /**
     * @param min smallest word n-gram
     * @param max largest word n-gram
     * @return these settings with another word n-gram range
     */
    public FeaturizerSettings withWordNgrams(int min, int max) {
        return new FeaturizerSettings(hashScheme, min, max, charMinN, charMaxN, rawCharMinN, rawCharMaxN, titleMode,
                titleWeight, buckets, minTokenLength, dropNumbers, sublinearTf, idf, minDf, minOutlets, l2, scrub);
    }

    /**
     * @param n number of buckets
     * @return these settings with another bucket count
     */
    public FeaturizerSettings withBuckets(int n) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, rawCharMinN, rawCharMaxN,
                titleMode, titleWeight, n, minTokenLength, dropNumbers, sublinearTf, idf, minDf, minOutlets, l2,
                scrub);
    }

    /**
     * @param n minimum number of outlets per n-gram (1 keeps all)
     * @return these settings with that minimum
     */
    public FeaturizerSettings withMinOutlets(int n) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, rawCharMinN, rawCharMaxN,
                titleMode, titleWeight, buckets, minTokenLength, dropNumbers, sublinearTf, idf, minDf, n, l2, scrub);
    }

    /**
     * @param on whether to scrub outlet fingerprints
     * @return these settings with scrubbing on or off
     */
    public FeaturizerSettings withScrub(boolean on) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, rawCharMinN, rawCharMaxN,
                titleMode, titleWeight, buckets, minTokenLength, dropNumbers, sublinearTf, idf, minDf, minOutlets, l2,
                on);
    }

    /**
     * @param n the shortest token kept (1 to 10)
     * @return these settings with that minimum
     */
    public FeaturizerSettings withMinTokenLength(int n) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, rawCharMinN, rawCharMaxN,
                titleMode, titleWeight, buckets, n, dropNumbers, sublinearTf, idf, minDf, minOutlets, l2, scrub);
    }

    /**
     * @param drop whether to drop tokens that contain a digit
     * @return these settings with numbers dropped or kept
     */
    public FeaturizerSettings withDropNumbers(boolean drop) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, rawCharMinN, rawCharMaxN,
                titleMode, titleWeight, buckets, minTokenLength, drop, sublinearTf, idf, minDf, minOutlets, l2, scrub);
    }

    /**
     * @param min smallest character n-gram, 0 for none
     * @param max largest character n-gram, 0 for none
     * @return these settings with another character n-gram range
     */
    public FeaturizerSettings withCharNgrams(int min, int max) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, min, max, rawCharMinN, rawCharMaxN, titleMode,
                titleWeight, buckets, minTokenLength, dropNumbers, sublinearTf, idf, minDf, minOutlets, l2, scrub);
    }

    /**
     * @param weight the title's weight beside the body, 0 for one norm over both
     * @return these settings with another title weight
     */
    public FeaturizerSettings withTitleWeight(double weight) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, rawCharMinN, rawCharMaxN,
                titleMode, weight, buckets, minTokenLength, dropNumbers, sublinearTf, idf, minDf, minOutlets, l2,
                scrub);
    }

    /**
     * @param mode how the title is used
     * @return these settings with another title mode (and title weight 0 unless the title stays apart)
     */
    public FeaturizerSettings withTitleMode(TitleMode mode) {
        return new FeaturizerSettings(hashScheme, wordMinN, wordMaxN, charMinN, charMaxN, rawCharMinN, rawCharMaxN,
                mode, mode == TitleMode.SEPARATE ? titleWeight : 0, buckets, minTokenLength, dropNumbers, sublinearTf,
                idf, minDf, minOutlets, l2, scrub);
    }
}
