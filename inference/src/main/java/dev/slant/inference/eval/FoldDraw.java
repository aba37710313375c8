package dev.slant.inference.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One draw of the outlet-disjoint folds and what cross-validating over it gave. Which outlets share a fold moves
 * the mean by a few points, so a run may repeat the cross-validation over several draws
 * ({@link TrainingRequest#foldDraws()}).
 *
 * @param seed            the seed that drew the folds
 * @param macroF1         the mean macro-F1 over its folds
 * @param baselineMacroF1 the mean over its folds of each fold's majority baseline
 */
public record FoldDraw(long seed, double macroF1, double baselineMacroF1) {
    /** Validates. @throws IllegalArgumentException if a figure is outside [0, 1] */
    public FoldDraw {
        if (!(macroF1 >= 0 && macroF1 <= 1) || !(baselineMacroF1 >= 0 && baselineMacroF1 <= 1)) {
            throw new IllegalArgumentException("macro-F1 must be in [0, 1], got " + macroF1 + " and " + baselineMacroF1);
        }
    }

    /** The key of the draws in a bundle's {@code metrics.outletCv} object. */
    private static final String DRAWS = "draws";
    private static final String SEED = "seed";
    private static final String MACRO_F1 = "macroF1Mean";
    private static final String BASELINE = "baselineMacroF1Mean";

    /**
     * Writes draws into a bundle's {@code metrics.outletCv} object, the reported one first.
     *
     * @param draws    the draws
     * @param outletCv the object to write them into
     */
    public static void write(List<FoldDraw> draws, ObjectNode outletCv) {
        ArrayNode array = outletCv.putArray(DRAWS);
        for (FoldDraw d : draws) {
            array.addObject().put(SEED, d.seed()).put(MACRO_F1, d.macroF1()).put(BASELINE, d.baselineMacroF1());
        }
    }

    /**
     * The fold draws a bundle's {@code metrics.outletCv} object holds, as {@link #write} wrote them.
     *
     * @param outletCv the manifest's {@code metrics.outletCv} object
     * @return the draws, the reported one first; empty when the bundle was trained with one draw
     * @throws IllegalArgumentException if a draw's figures are out of range
     */
    public static List<FoldDraw> read(JsonNode outletCv) {
        List<FoldDraw> draws = new ArrayList<>();
        outletCv.path(DRAWS).forEach(d -> draws.add(new FoldDraw(d.path(SEED).asLong(), d.path(MACRO_F1).asDouble(),
                d.path(BASELINE).asDouble())));
        return draws;
    }

    /**
     * @param seed the seed that drew the folds
     * @param cv   the cross-validation over them
     * @return the draw's figures
     */
    public static FoldDraw of(long seed, CrossValidation cv) {
        return new FoldDraw(seed, cv.model().macroF1().mean(), cv.baseline().macroF1().mean());
    }

    /**
     * @param draws the draws
     * @return count, mean, lowest and highest of their macro-F1 means
     */
    public static DoubleSummaryStatistics macroF1s(List<FoldDraw> draws) {
        return draws.stream().mapToDouble(FoldDraw::macroF1).summaryStatistics();
    }

    /**
     * @param draws the draws, at least one
     * @return the mean of their majority baselines
     * @throws java.util.NoSuchElementException if there is no draw
     */
    public static double baselineMean(List<FoldDraw> draws) {
        return draws.stream().mapToDouble(FoldDraw::baselineMacroF1).average().orElseThrow();
    }

    /**
     * One line on several draws: "over N draws of the folds (seeds S to S+N-1): macro-F1 MEAN on average, LOWEST to
     * HIGHEST (majority baseline B); by seed: S F1, S+1 F1, ...", figures to three decimals.
     *
     * @param draws the draws, at least one
     * @return the line
     * @throws IllegalArgumentException if there is no draw
     */
    public static String summary(List<FoldDraw> draws) {
        if (draws.isEmpty()) {
            throw new IllegalArgumentException("no fold draw");
        }
        DoubleSummaryStatistics f1 = macroF1s(draws);
        double baseline = baselineMean(draws);
        StringJoiner bySeed = new StringJoiner(", ");
        draws.forEach(d -> bySeed.add(String.format(Locale.ROOT, "%d %.3f", d.seed(), d.macroF1())));
        return String.format(Locale.ROOT, "over %d draws of the folds (seeds %d to %d): macro-F1 %.3f on average, "
                        + "%.3f to %.3f (majority baseline %.3f); by seed: %s", draws.size(), draws.get(0).seed(),
                draws.get(draws.size() - 1).seed(), f1.getAverage(), f1.getMin(), f1.getMax(), baseline, bySeed);
    }
}
