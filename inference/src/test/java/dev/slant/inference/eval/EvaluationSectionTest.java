package dev.slant.inference.eval;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The section of one evaluation, rendered as plain text (training's {@code ReportRenderingTest} renders an ordinal
 * target with abstentions; this one calibration and a label without support).
 */
class EvaluationSectionTest {

    @Test
    void plainTextShowsCalibrationAndLabelsWithoutSupport() {
        // Gold L L R R, predicted L R R R (3 right); C neither gold nor predicted. L: P 1, R 1/2, F1 2/3;
        // R: P 2/3, R 1, F1 4/5; macro-F1 (2/3 + 0 + 4/5) / 3, weighted-F1 (2/3 * 2 + 4/5 * 2) / 4. ECE over the
        // 3 articles with probabilities: (|1 - 0.8| + |0 - 0.7| + |1 - 0.9|) / 3. Baseline 'R' at its training
        // share 0.6 on all 4: 2 right, F1 of R 2/3, ECE |2 - 2.4| / 4.
        List<Outcome> outcomes = List.of(
                Outcome.answered("1", "L", "L", Map.of("L", 0.8, "C", 0.1, "R", 0.1)),
                Outcome.answered("2", "L", "R", Map.of("L", 0.3, "R", 0.7)),
                Outcome.answered("3", "R", "R", Map.of("R", 0.9, "L", 0.1)),
                Outcome.answered("4", "R", "R", Map.of()));
        MajorityBaseline baseline = MajorityBaseline.fromTrainingLabels(LCR, List.of("L", "R", "R", "L", "R"));
        Evaluated e = Evaluated.of(LCR, false, baseline, outcomes);
        String expected = """
                == stance (4 articles) ==

                Figures (%, MAE in label steps)
                figure       model  majority 'R'
                accuracy     75.00         50.00
                macro-F1     48.89         22.22
                weighted-F1  73.33         33.33
                ECE          33.33         10.00

                Per class (%)
                label  precision  recall     F1  support  predicted
                L         100.00   50.00  66.67        2          1
                C           0.00    0.00   0.00        0          0
                R          66.67  100.00  80.00        2          3

                Confusion matrix (rows gold, columns predicted)
                gold \\ predicted  L  C  R  support
                L                 1  0  1        2
                C                 0  0  0        0
                R                 0  0  2        2

                * No gold articles for C: recall and F1 are 0 (scikit-learn zero_division=0) and still count in macro-F1.
                * Never predicted: C (precision 0).
                * ECE: 15 equal-width bins of the predicted label's probability, over 3 articles; 1 left out (abstained or without probabilities).
                """;
        assertEquals(expected, PlainText.render(List.of(
                EvaluationSection.of("stance", false, e.baseline(), e.model(), e.baselineFigures()))));
    }

    @Test
    void refusesABaselineOfOtherArticles() {
        Evaluated four = Evaluated.of(LCR, true, "R", Outcomes.of("a", "LCRR", "LLRR"));
        Evaluated two = Evaluated.of(LCR, true, "R", Outcomes.of("a", "LR", "LR"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationSection.of("stance", true, "majority 'R'", four.model(), two.baselineFigures()));
        assertEquals("'stance': the baseline's figures are of 2 articles over [L, C, R], the model's of 4 over"
                + " [L, C, R]", e.getMessage());
    }
}
