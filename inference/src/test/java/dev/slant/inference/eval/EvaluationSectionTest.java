package dev.slant.inference.eval;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The section of one evaluation, rendered as plain text. */
class EvaluationSectionTest {

    @Test
    void plainTextShowsTheFiguresBesideTheBaselineAndTheNotes() {
        // Gold L C R R, predicted L L R R (C never predicted); baseline R: 2 right, F1 of R 2/3, MAE (2 + 1) / 4.
        Evaluated e = Evaluated.of(LCR, true, "R", Outcomes.of("a", "LCRR", "LLRR"));
        String expected = """
                == stance (4 articles, ordinal) ==

                Figures (%, MAE in label steps)
                figure       model  majority 'R'
                accuracy     75.00         50.00
                macro-F1     55.56         22.22
                weighted-F1  66.67         33.33
                MAE          0.250         0.750
                ECE            n/a           n/a

                Per class (%)
                label  precision  recall      F1  support  predicted
                L          50.00  100.00   66.67        1          2
                C           0.00    0.00    0.00        1          0
                R         100.00  100.00  100.00        2          2

                Confusion matrix (rows gold, columns predicted)
                gold \\ predicted  L  C  R  support
                L                 1  0  0        1
                C                 1  0  0        1
                R                 0  0  2        2

                * Never predicted: C (precision 0).
                * ECE not measured: the model gave no probabilities.
                * Baseline ECE not measured: only the majority label was given, not the training label shares.
                """;
        assertEquals(expected, PlainText.render(List.of(
                EvaluationSection.of("stance", true, e.baseline(), e.model(), e.baselineFigures()))));
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
