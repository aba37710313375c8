package dev.slant.inference.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.CrossValidationTest;
import dev.slant.inference.eval.Format;
import dev.slant.inference.eval.Outcomes;
import dev.slant.inference.eval.ReportSection;
import dev.slant.inference.eval.TargetEvaluation;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlinesTest {
    @Test
    void aCrossValidationRowGivesTheMeanAndSpreadOverFoldsBesideTheBaselines() {
        CrossValidation cv = CrossValidationTest.threeFolds();
        ReportSection s = Headlines.of("stance", List.of(new Headlines.Row("outlets never seen", cv)));
        List<String> row = s.tables().get(0).rows().get(0);
        assertEquals(List.of("evaluation", "articles", "macro-F1", "(majority)", "accuracy", "(majority)", "MAE",
                "(majority)", "ECE"), s.tables().get(0).header());
        // Model macro-F1 over the folds 2/9, 6/9, 7/9: mean 5/9, sample standard deviation sqrt(7)/9.
        assertEquals(Format.percent(5.0 / 9) + " ± " + Format.percent(Math.sqrt(7) / 9), row.get(2));
        assertEquals(Format.percent(cv.baseline().macroF1().mean()), row.get(3));
        assertEquals(Format.percent(0.75), row.get(4));
        assertEquals("8", row.get(1), "the articles of all folds");
        assertEquals("stance (3 labels, ordinal)", s.heading());
    }

    @Test
    void aPartHoldingFewOfTheLabelsGetsNoMacroF1AndANoteSaysWhy() {
        List<String> labels = List.of("a", "b", "c", "d", "e");
        // Only two of five labels have articles: macro-F1 would count three absent labels as F1 0.
        TargetEvaluation few = TargetEvaluation.of("topic", labels, false, "a",
                List.of(outcome("1", "a", "a"), outcome("2", "b", "a"), outcome("3", "a", "a")));
        TargetEvaluation most = TargetEvaluation.of("topic", labels, false, "a",
                List.of(outcome("1", "a", "a"), outcome("2", "b", "b"), outcome("3", "c", "a")));
        ReportSection s = Headlines.of("topic", List.of(new Headlines.Row("valid part", most),
                new Headlines.Row("test part", few)));
        List<List<String>> rows = s.tables().get(0).rows();
        assertEquals(Format.percent(most.model().macroF1()), rows.get(0).get(2), "3 of 5 labels: shown");
        assertEquals(Format.NOT_MEASURED, rows.get(1).get(2));
        assertEquals(Format.NOT_MEASURED, rows.get(1).get(3));
        assertEquals(Format.percent(2.0 / 3), rows.get(1).get(4), "accuracy is still shown");
        assertEquals(1, s.notes().size(), s.notes().toString());
        assertTrue(s.notes().get(0).startsWith("test part: only 2 of the 5 labels have articles here"), s.notes().get(0));
        assertEquals(List.of("evaluation", "articles", "macro-F1", "(majority)", "accuracy", "(majority)", "ECE"),
                s.tables().get(0).header(), "no MAE for a target that is not ordinal");
    }

    @Test
    void abstentionsAreNoted() {
        TargetEvaluation e = TargetEvaluation.of("stance", Outcomes.LCR, true, "R", Outcomes.of("x", "LCR", "L-R"));
        ReportSection s = Headlines.of("stance", List.of(new Headlines.Row("test part", e)));
        assertEquals(List.of("test part: 1 of 3 articles abstained (counted as wrong)."), s.notes());
    }

    @Test
    void aTargetWithoutAnEvaluationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Headlines.of("stance", List.of()));
    }

    private static dev.slant.inference.eval.Outcome outcome(String id, String gold, String predicted) {
        return dev.slant.inference.eval.Outcome.answered(id, gold, predicted, java.util.Map.of());
    }
}
