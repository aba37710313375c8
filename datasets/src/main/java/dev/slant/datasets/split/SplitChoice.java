package dev.slant.datasets.split;

import dev.slant.datasets.LabelledArticle;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The splits a command can name with {@code --split}: a corpus's published ones by their names, or one made
 * here: {@value #STRATIFIED} (random, stratified by the main target), {@value #OUTLET} (no outlet on two sides)
 * and {@value #OUTLET_CV} (outlet-disjoint cross-validation folds).
 */
public final class SplitChoice {
    /** A stratified random split. */
    public static final String STRATIFIED = "stratified";
    /** An outlet-disjoint split. */
    public static final String OUTLET = "outlet";
    /** Outlet-disjoint cross-validation. */
    public static final String OUTLET_CV = "outlet-cv";
    /** The default seed of every random choice in Slant. */
    public static final long DEFAULT_SEED = 42L;
    /** The default number of cross-validation folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** The share of each fold's non-test articles held out for choosing settings. */
    public static final double FOLD_VALID_SHARE = 0.15;

    private SplitChoice() {
    }

    /** The published split trained on by default where a corpus has it (article-bias's outlet-separated one). */
    public static final String DEFAULT_PUBLISHED = "media";

    /**
     * The split a command uses when none is named: {@link #DEFAULT_PUBLISHED} where the corpus publishes it, else
     * {@link #STRATIFIED}.
     *
     * @param published the corpus's published splits by name
     * @return the split's name
     */
    public static String defaultFor(Map<String, Split> published) {
        return published.containsKey(DEFAULT_PUBLISHED) ? DEFAULT_PUBLISHED : STRATIFIED;
    }

    /**
     * Makes the named split.
     *
     * @param name           a published split's name or one of the names above
     * @param articles       the corpus
     * @param published      the corpus's published splits
     * @param duplicateGroup an id's duplicate-group representative, so copies stay on one side
     * @param stratifyBy     the target whose label shares a stratified split keeps
     * @param seed           the seed
     * @param folds          the number of folds for {@value #OUTLET_CV}
     * @return one split, or one per fold
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static List<Split> make(String name, List<LabelledArticle> articles, Map<String, Split> published,
                                   UnaryOperator<String> duplicateGroup, String stratifyBy, long seed, int folds) {
        Split p = published.get(name);
        if (p != null) {
            return List.of(p);
        }
        Splitter splitter = new Splitter(articles, duplicateGroup);
        return switch (name) {
            case STRATIFIED -> List.of(splitter.stratified(STRATIFIED, stratifyBy, Fractions.DEFAULT, seed));
            case OUTLET -> List.of(splitter.outletDisjoint(OUTLET, Fractions.DEFAULT, seed));
            case OUTLET_CV -> splitter.outletFolds(folds, FOLD_VALID_SHARE, seed);
            default -> throw new IllegalArgumentException("unknown split '" + name + "' (this corpus has: "
                    + String.join(", ", names(published)) + ")");
        };
    }

    /**
     * @param published a corpus's published splits
     * @return every split name a command accepts for that corpus
     */
    public static List<String> names(Map<String, Split> published) {
        List<String> names = new java.util.ArrayList<>(published.keySet());
        names.addAll(List.of(STRATIFIED, OUTLET, OUTLET_CV));
        return names;
    }
}
