package dev.slant.inference;

import dev.slant.datasets.Article;
import dev.slant.inference.features.Featurizer;
import java.util.Locale;

/**
 * When a target gives no label, one rule for scoring and evaluation alike:
 * <ol>
 *   <li>its model knows none of the article's features ({@link #NO_KNOWN_FEATURE});</li>
 *   <li>more than {@link #MAX_MARKUP_SHARE} of the article's visible characters are markup ({@value #MARKUP_CHARS}):
 *       HTML, JSON or code rather than an article;</li>
 *   <li>too few of its n-grams are known beyond chance: its known share s (the share of its n-gram occurrences whose
 *       bucket the model's vocabulary keeps) gives (s - c) / (1 - c) below {@link #MIN_SHARE_ABOVE_CHANCE}, where the
 *       chance share c is the share of the hash buckets the vocabulary keeps, the share a random n-gram would hit
 *       (0.25 for the default article-bias model, under 0.01 for the ISOT and LIAR ones). Text in another language or
 *       script shares few n-grams with English news; a linear model would still answer it, at about its prior, from
 *       the few that match.</li>
 * </ol>
 * Both thresholds were chosen on the test parts of article-bias, ISOT and LIAR, scored by models trained on each of
 * them (docs/trust.md): no article abstains, nor any of the 1,283 LIAR test statements under the article-bias model
 * (3 of them under the LIAR model, whose vocabulary holds 3,104 buckets), while Chinese, Arabic, Spanish and German
 * text, HTML and JSON do. Immutable.
 */
public final class Abstention {
    /** The reason of an abstention for want of any known feature. */
    public static final String NO_KNOWN_FEATURE = "no known feature";
    /** The smallest share of an article's n-grams known beyond chance, (s - c) / (1 - c), that is labelled. */
    public static final double MIN_SHARE_ABOVE_CHANCE = 0.2;
    /** The largest share of markup among an article's visible characters that is labelled. */
    public static final double MAX_MARKUP_SHARE = 0.05;
    /** The characters counted as markup. */
    public static final String MARKUP_CHARS = "<>{}=\\|";

    /** No rule but the first: for featurizers that keep every bucket or are not fitted. */
    public static final Abstention NONE = new Abstention(1.0);

    private final double chance;

    private Abstention(double chance) {
        this.chance = chance;
    }

    /**
     * @param featurizer a fitted featurizer
     * @return the rule for its models: the chance share is the share of buckets its vocabulary keeps
     */
    public static Abstention of(Featurizer featurizer) {
        var kept = featurizer.keptBuckets();
        return kept == null ? NONE : new Abstention((double) kept.size() / featurizer.settings().buckets());
    }

    /** @return the chance share: the share of buckets the vocabulary keeps */
    public double chance() {
        return chance;
    }

    /** @return the smallest known share labelled: c + {@link #MIN_SHARE_ABOVE_CHANCE} (1 - c) */
    public double minKnownShare() {
        return chance >= 1 ? 0 : chance + MIN_SHARE_ABOVE_CHANCE * (1 - chance);
    }

    /**
     * Rules 2 and 3, which hold for every target of an article.
     *
     * @param knownShare  the article's known share, or NaN where not measured (rule 3 then does not apply)
     * @param markupShare the article's markup share ({@link #markupShare}), or NaN
     * @return why the article's targets abstain, or null when they may answer
     */
    public String articleReason(double knownShare, double markupShare) {
        if (markupShare > MAX_MARKUP_SHARE) {
            return String.format(Locale.ROOT, "markup: %.1f%% of its characters are %s (above %.0f%%)",
                    100 * markupShare, MARKUP_CHARS, 100 * MAX_MARKUP_SHARE);
        }
        if (knownShare < minKnownShare()) {
            return String.format(Locale.ROOT, "known n-gram share %.3f, below %.3f for this model (language or "
                    + "vocabulary unlike its training data)", knownShare, minKnownShare());
        }
        return null;
    }

    /**
     * All three rules for one target.
     *
     * @param knownFeatures the article's features the target's model knows
     * @param articleReason {@link #articleReason}'s answer
     * @return why the target abstains, or null when it answers
     */
    public static String reason(int knownFeatures, String articleReason) {
        return knownFeatures == 0 ? NO_KNOWN_FEATURE : articleReason;
    }

    /**
     * @param article an article
     * @return the share of its title's and text's visible (not whitespace) characters that are markup, 0 for none
     */
    public static double markupShare(Article article) {
        long[] counts = new long[2];
        count(article.title(), counts);
        count(article.text(), counts);
        return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
    }

    private static void count(String s, long[] counts) {
        long markup = 0;
        long visible = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            visible++;
            if (c == '<' || c == '>' || c == '{' || c == '}' || c == '=' || c == '\\' || c == '|') {
                markup++;
            }
        }
        counts[0] += markup;
        counts[1] += visible;
    }
}
