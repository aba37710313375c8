package dev.slant.inference.eval;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Figures computed by hand on small cases (scikit-learn was not available to cross-check; each expected value is
 * derived in a comment from the counts, with F1 = 2TP / (2TP + FP + FN) and zero_division = 0).
 */
class FiguresTest {
    private static final double EPS = 1e-12;

    private static Evaluated eval(String gold, String pred, String majority, boolean ordinal) {
        return Evaluated.of(LCR, ordinal, majority, Outcomes.of("a", gold, pred));
    }

    private static void assertClass(ClassFigures c, String label, double p, double r, double f1, int support,
                                    int predicted) {
        assertEquals(label, c.label());
        assertEquals(p, c.precision(), EPS, label + " precision");
        assertEquals(r, c.recall(), EPS, label + " recall");
        assertEquals(f1, c.f1(), EPS, label + " F1");
        assertEquals(support, c.support(), label + " support");
        assertEquals(predicted, c.predicted(), label + " predicted");
    }

    @Test
    void perfectPredictionsAgainstATrainedPriorBaseline() {
        MajorityBaseline baseline = MajorityBaseline.fromTrainingLabels(LCR, List.of("R", "L", "R"));
        assertEquals("R", baseline.label());
        assertEquals(Map.of("L", 1.0 / 3, "C", 0.0, "R", 2.0 / 3), baseline.trainingShare());
        Evaluated e = Evaluated.of(LCR, true, baseline, Outcomes.of("a", "LCRR", "LCRR"));

        Figures m = e.model();
        assertEquals(4, m.articles());
        assertEquals(4, m.correct());
        assertEquals(1.0, m.accuracy(), EPS);
        assertEquals(1.0, m.macroF1(), EPS);
        assertEquals(1.0, m.weightedF1(), EPS);
        assertEquals(0.0, m.mae().getAsDouble(), EPS);
        assertTrue(m.calibration().isEmpty(), "no probabilities, no calibration");
        assertClass(m.perClass().get(2), "R", 1, 1, 1, 2, 2);

        // Always "R" on L, C, R, R: 2 right. R: TP 2, FP 2, FN 0 -> P 1/2, R 1, F1 4/6; L and C: 0.
        Figures b = e.baselineFigures();
        assertEquals("majority 'R'", e.baseline());
        assertEquals(0.5, b.accuracy(), EPS);
        assertClass(b.perClass().get(0), "L", 0, 0, 0, 1, 0);
        assertClass(b.perClass().get(2), "R", 0.5, 1, 2.0 / 3, 2, 4);
        assertEquals(2.0 / 9, b.macroF1(), EPS);
        assertEquals((2.0 / 3 * 2) / 4, b.weightedF1(), EPS);
        assertEquals((2 + 1 + 0 + 0) / 4.0, b.mae().getAsDouble(), EPS);
        // Every article at confidence 2/3 (bin 9, (9/15, 10/15]): |2 right - 4 * 2/3| / 4 = 1/6.
        Calibration c = b.calibration().orElseThrow();
        assertEquals(4, c.bins().get(9).count());
        assertEquals(1.0 / 6, c.ece(), EPS);
    }

    @Test
    void allPredictionsInOneClass() {
        // Gold L L C R R R, all predicted C: C has TP 1, FP 5 -> P 1/6, R 1, F1 2/7; L and R never predicted.
        Evaluated e = eval("LLCRRR", "CCCCCC", "R", true);
        Figures m = e.model();
        assertEquals(1.0 / 6, m.accuracy(), EPS);
        assertClass(m.perClass().get(0), "L", 0, 0, 0, 2, 0);
        assertClass(m.perClass().get(1), "C", 1.0 / 6, 1, 2.0 / 7, 1, 6);
        assertClass(m.perClass().get(2), "R", 0, 0, 0, 3, 0);
        assertEquals(2.0 / 21, m.macroF1(), EPS);
        assertEquals(2.0 / 7 / 6, m.weightedF1(), EPS);
        assertEquals(5.0 / 6, m.mae().getAsDouble(), EPS);
        // Baseline R: 3 right; R: TP 3, FP 3 -> F1 6/9; MAE (2 + 2 + 1) / 6.
        Figures b = e.baselineFigures();
        assertEquals(0.5, b.accuracy(), EPS);
        assertEquals(2.0 / 9, b.macroF1(), EPS);
        assertEquals(5.0 / 6, b.mae().getAsDouble(), EPS);
    }

    @Test
    void classNeverPredictedHasZeroPrecisionAndF1() {
        // Gold L C R R, predicted L L R R: C never predicted (support 1); L: TP 1, FP 1 -> F1 2/3.
        Figures m = eval("LCRR", "LLRR", "R", false).model();
        assertClass(m.perClass().get(0), "L", 0.5, 1, 2.0 / 3, 1, 2);
        assertClass(m.perClass().get(1), "C", 0, 0, 0, 1, 0);
        assertClass(m.perClass().get(2), "R", 1, 1, 1, 2, 2);
        assertEquals(0.75, m.accuracy(), EPS);
        assertEquals(5.0 / 9, m.macroF1(), EPS);
        assertEquals((2.0 / 3 + 0 + 2) / 4, m.weightedF1(), EPS);
        assertTrue(m.mae().isEmpty(), "MAE only for an ordinal target");
    }

    @Test
    void classWithoutSupportButPredictedScoresZero() {
        // Gold L L R R, predicted L C R R: C has FP 1 and no support -> P 0, R 0 (0/0), F1 0.
        Figures m = eval("LLRR", "LCRR", "R", true).model();
        assertClass(m.perClass().get(0), "L", 1, 0.5, 2.0 / 3, 2, 1);
        assertClass(m.perClass().get(1), "C", 0, 0, 0, 0, 1);
        assertEquals(5.0 / 9, m.macroF1(), EPS);
        assertEquals((2.0 / 3 * 2 + 2) / 4, m.weightedF1(), EPS);
        assertEquals(0.25, m.mae().getAsDouble(), EPS);
    }

    @Test
    void classWithNoSupportAndNoPredictionsCountsAsZeroInMacroF1() {
        // scikit-learn: f1_score(["L","R"], ["L","R"], labels=["L","C","R"], average="macro", zero_division=0)
        Figures m = eval("LR", "LR", "R", true).model();
        assertClass(m.perClass().get(1), "C", 0, 0, 0, 0, 0);
        assertEquals(1.0, m.accuracy(), EPS);
        assertEquals(2.0 / 3, m.macroF1(), EPS);
        assertEquals(1.0, m.weightedF1(), EPS);
    }

    @Test
    void abstentionsCountAsWrongAndAsTheLargestDistance() {
        // Gold L C R R; C and the second R abstained.
        Evaluated e = eval("LCRR", "L-R-", "R", true);
        Figures m = e.model();
        assertEquals(4, m.articles());
        assertEquals(2, m.abstained());
        assertEquals(0.5, m.accuracy(), EPS);
        assertClass(m.perClass().get(0), "L", 1, 1, 1, 1, 1);
        assertClass(m.perClass().get(1), "C", 0, 0, 0, 1, 0);
        assertClass(m.perClass().get(2), "R", 1, 0.5, 2.0 / 3, 2, 1);
        assertEquals(5.0 / 9, m.macroF1(), EPS);
        assertEquals((1 + 0 + 2.0 / 3 * 2) / 4, m.weightedF1(), EPS);
        assertEquals((0 + 2 + 0 + 2) / 4.0, m.mae().getAsDouble(), EPS);
        assertEquals(List.of(0, 1, 1), m.confusion().abstained());
        assertEquals(List.of(List.of(1, 0, 0), List.of(0, 0, 0), List.of(0, 0, 1)), m.confusion().counts());
        assertEquals(2, m.confusion().support(2));
        // The baseline never abstains: R right twice.
        assertEquals(0, e.baselineFigures().abstained());
        assertEquals(0.5, e.baselineFigures().accuracy(), EPS);
    }

    @Test
    void confusionMatrixRowsAreGoldColumnsPredicted() {
        ConfusionMatrix c = eval("LLCRRR", "LRCCRR", "R", true).model().confusion();
        assertEquals(List.of(List.of(1, 0, 1), List.of(0, 1, 0), List.of(0, 1, 2)), c.counts());
        assertEquals(1, c.count(0, 2), "an L article predicted R");
        assertEquals(3, c.predictedCount(2));
        assertEquals(6, c.total());
    }

    @Test
    void eceOnACraftedCase() {
        List<String> ab = List.of("A", "B");
        List<Outcome> outcomes = List.of(
                Outcome.answered("1", "A", "A", Map.of("A", 0.9, "B", 0.1)),
                Outcome.answered("2", "B", "A", Map.of("A", 0.9, "B", 0.1)),
                Outcome.answered("3", "B", "B", Map.of("A", 0.4, "B", 0.6)),
                Outcome.answered("4", "B", "B", Map.of("A", 0.4, "B", 0.6)),
                Outcome.answered("5", "B", "A", Map.of("A", 0.55, "B", 0.45)),
                Outcome.answered("6", "A", "A", Map.of()),
                Outcome.abstained("7", "A", Map.of("A", 0.5, "B", 0.5)));
        Calibration c = Evaluated.of(ab, false, "A", outcomes).model().calibration().orElseThrow();
        assertEquals(5, c.measured());
        assertEquals(2, c.unmeasured(), "one without probabilities, one abstention");
        // 0.6 is the upper edge of bin 8, (8/15, 9/15], and 0.55 is inside it: 3 articles, 2 right, confidence 1.75.
        CalibrationBin b8 = c.bins().get(8);
        assertEquals(3, b8.count());
        assertEquals(2, b8.correct());
        assertEquals(1.75, b8.confidenceSum(), EPS);
        assertEquals(1.75 / 3, b8.meanConfidence().getAsDouble(), EPS);
        // 0.9 is in bin 13, (13/15, 14/15]: 2 articles, 1 right, confidence 1.8.
        CalibrationBin b13 = c.bins().get(13);
        assertEquals(2, b13.count());
        assertEquals(0.5, b13.accuracy().getAsDouble(), EPS);
        assertTrue(c.bins().get(14).accuracy().isEmpty());
        // ECE = (|2 - 1.75| + |1 - 1.8|) / 5
        assertEquals(1.05 / 5, c.ece(), EPS);
    }

    @Test
    void binEdgesAreRightClosed() {
        assertEquals(0, Calibration.binOf(0));
        assertEquals(0, Calibration.binOf(1.0 / 15));
        assertEquals(1, Calibration.binOf(Math.nextUp(1.0 / 15)));
        assertEquals(13, Calibration.binOf(0.9));
        assertEquals(8, Calibration.binOf(0.6));
        assertEquals(9, Calibration.binOf(Math.nextUp(0.6)));
        assertEquals(14, Calibration.binOf(1));
        for (int m = 1; m <= Calibration.BINS; m++) {
            assertEquals(m - 1, Calibration.binOf((double) m / Calibration.BINS), "upper edge of bin " + (m - 1));
        }
    }
}
