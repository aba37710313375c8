package dev.slant.inference.eval;

import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Mean, sample standard deviation and pooled figures of three small folds, computed by hand. */
public class CrossValidationTest {
    private static final double EPS = 1e-12;

    /**
     * Fold 0: gold L R, predicted L L, majority R. Fold 1: gold C R, predicted C R, majority L. Fold 2: gold
     * L C R R, predicted L C R C, majority R. The report tests use these folds too.
     */
    public static CrossValidation threeFolds() {
        return CrossValidation.of(List.of(
                TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("f0-", "LR", "LL")),
                TargetEvaluation.of("stance", LCR, true, "L", Outcomes.of("f1-", "CR", "CR")),
                TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("f2-", "LCRR", "LCRC"))));
    }

    @Test
    void meanAndSampleStandardDeviationOverFolds() {
        CrossValidation cv = threeFolds();
        // Model accuracy 1/2, 1, 3/4: mean 3/4, deviations -1/4, 1/4, 0 -> sqrt((1/16 + 1/16) / 2) = 1/4.
        assertEquals(0.75, cv.model().accuracy().mean(), EPS);
        assertEquals(0.25, cv.model().accuracy().standardDeviation(), EPS);
        // Model macro-F1 2/9, 6/9, 7/9: mean 5/9, deviations -3/9, 1/9, 2/9 -> sqrt(14/81 / 2) = sqrt(7)/9.
        assertEquals(2.0 / 9, cv.folds().get(0).model().macroF1(), EPS);
        assertEquals(2.0 / 3, cv.folds().get(1).model().macroF1(), EPS);
        assertEquals(7.0 / 9, cv.folds().get(2).model().macroF1(), EPS);
        assertEquals(5.0 / 9, cv.model().macroF1().mean(), EPS);
        assertEquals(Math.sqrt(7) / 9, cv.model().macroF1().standardDeviation(), EPS);
        // Model MAE 1, 0, 1/4: mean 5/12, deviations 7/12, -5/12, -2/12 -> sqrt(78/144 / 2) = sqrt(39)/12.
        assertEquals(5.0 / 12, cv.model().mae().orElseThrow().mean(), EPS);
        assertEquals(Math.sqrt(39) / 12, cv.model().mae().orElseThrow().standardDeviation(), EPS);
    }

    @Test
    void eachFoldHasItsOwnBaseline() {
        CrossValidation cv = threeFolds();
        assertEquals("majority 'L'", cv.folds().get(1).baseline());
        // Baseline accuracy 1/2, 0, 1/2: mean 1/3, sqrt((1/36 + 4/36 + 1/36) / 2) = sqrt(1/12).
        assertEquals(1.0 / 3, cv.baseline().accuracy().mean(), EPS);
        assertEquals(Math.sqrt(1.0 / 12), cv.baseline().accuracy().standardDeviation(), EPS);
        // Baseline macro-F1 2/9, 0, 2/9: mean 4/27, sqrt(24/729 / 2) = sqrt(12)/27.
        assertEquals(4.0 / 27, cv.baseline().macroF1().mean(), EPS);
        assertEquals(Math.sqrt(12) / 27, cv.baseline().macroF1().standardDeviation(), EPS);
        // Baseline MAE 1, 3/2, 3/4: mean 13/12, sqrt(42/144 / 2) = sqrt(21)/12.
        assertEquals(13.0 / 12, cv.baseline().mae().orElseThrow().mean(), EPS);
        assertEquals(Math.sqrt(21) / 12, cv.baseline().mae().orElseThrow().standardDeviation(), EPS);
    }

    @Test
    void pooledOutOfFoldFigures() {
        TargetEvaluation pooled = threeFolds().pooled();
        Figures m = pooled.model();
        // 8 articles, 6 right. L: TP 2, FP 1 -> F1 4/5; C: TP 2, FP 1 -> 4/5; R: TP 2, FN 2 -> 2/3.
        assertEquals(8, m.articles());
        assertEquals(0.75, m.accuracy(), EPS);
        assertEquals(List.of(List.of(2, 0, 0), List.of(0, 2, 0), List.of(1, 1, 2)), m.confusion().counts());
        assertEquals((0.8 + 0.8 + 2.0 / 3) / 3, m.macroF1(), EPS);
        assertEquals(3.0 / 8, m.mae().getAsDouble(), EPS);
        // The pooled baseline predicts each article's own fold majority: R R | L L | R R R R -> 3 right.
        assertEquals(3.0 / 8, pooled.baselineFigures().accuracy(), EPS);
        assertEquals("each fold's majority", pooled.baseline());
    }

    @Test
    void foldsMustBeDisjointAndOfOneTarget() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.of(List.of(
                TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("a", "LR", "LL")),
                TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("a", "C", "C")))));
        assertEquals("target 'stance': article 'a0' is in fold 0 and fold 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.of(List.of(
                TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("a", "LR", "LL")),
                TargetEvaluation.of("stance", LCR, false, "R", Outcomes.of("b", "C", "C")))));
        assertEquals("fold 1 evaluates target 'stance' [L, C, R], fold 0 'stance' [L, C, R] (ordinal)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.of(List.of(
                TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("a", "LR", "LL")))));
        assertEquals("cross-validation needs at least two folds, got 1", e.getMessage());
    }
}
