package dev.slant.datasets.split;

import dev.slant.datasets.LabelledArticle;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The splits a command can name with {@code --split}: a corpus's published ones by their names, or one made
 * here: {@value #STRATIFIED} (random, stratified by the main target), {@value #OUTLET} (no outlet on two sides),
 * {@value #OUTLET_CV} (outlet-disjoint cross-validation folds), {@value #TIME} (later articles tested, an in-period
 * sample of the same size beside them) and {@value #OUTLET_TIME} (the same on outlets held out of training).
 *
 * <p>A split by time is named with its first later day, {@code time:2019-06-20}: that is the name a split made here
 * carries, which bundles record, so that evaluating a bundle makes the very split it was trained on. Plain
 * {@code time} cuts where about {@value #LATER_SHARE} of the dated articles are on or after the cut
 * ({@link Splitter#cutLeaving}).
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
    /** A split by publication date ({@link Splitter#byTime}). */
    public static final String TIME = "time";
    /** A split by publication date on held-out outlets ({@link Splitter#outletsByTime}). */
    public static final String OUTLET_TIME = "outlet-time";
    /** The share of the dated articles a split by time leaves on or after its default cut. */
    public static final double LATER_SHARE = 0.2;
    /** The share of the dated articles whose outlets {@value #OUTLET_TIME} holds out. */
    public static final double HELD_OUT_OUTLET_SHARE = 0.2;
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
        TimeCut cut = TimeCut.parse(name);
        if (cut != null) {
            Map<String, java.time.LocalDate> dates = PublicationDates.asOfToday().dates(articles);
            java.time.LocalDate before = cut.before() != null ? cut.before() : Splitter.cutLeaving(dates.values(), LATER_SHARE);
            String full = cut.kind() + ":" + before;
            return List.of(cut.kind().equals(TIME) ? splitter.byTime(full, dates, before, seed)
                    : splitter.outletsByTime(full, dates, before, HELD_OUT_OUTLET_SHARE, seed));
        }
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
        names.addAll(List.of(STRATIFIED, OUTLET, OUTLET_CV, TIME, OUTLET_TIME));
        return names;
    }

    /**
     * A split by time as named: {@code time}, {@code outlet-time}, or either with {@code :YYYY-MM-DD}.
     *
     * @param kind   {@value #TIME} or {@value #OUTLET_TIME}
     * @param before the first later day, or null for the default cut
     */
    public record TimeCut(String kind, java.time.LocalDate before) {
        /**
         * @param name a split's name
         * @return its cut, or null when the name is not a split by time
         * @throws IllegalArgumentException if it is one with a malformed date
         */
        public static TimeCut parse(String name) {
            for (String kind : List.of(OUTLET_TIME, TIME)) {
                if (name.equals(kind)) {
                    return new TimeCut(kind, null);
                }
                if (name.startsWith(kind + ":")) {
                    String date = name.substring(kind.length() + 1);
                    try {
                        return new TimeCut(kind, java.time.LocalDate.parse(date));
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("split '" + name + "': '" + date
                                + "' is not a date as YYYY-MM-DD");
                    }
                }
            }
            return null;
        }

        /**
         * @param kind   {@value #TIME} or {@value #OUTLET_TIME}
         * @param before the first later day
         * @return the split's name, for example {@code time:2019-06-20}
         */
        public static String name(String kind, java.time.LocalDate before) {
            return kind + ":" + before;
        }
    }
}
