package dev.slant.inference.eval;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What {@link TargetEvaluation#of} refuses, each refusal naming the outcome at fault. The figures themselves are
 * tested where they are defined, in the inference module's {@code dev.slant.inference.eval}.
 */
class TargetEvaluationTest {
    private static TargetEvaluation eval(String gold, String pred, String majority, boolean ordinal) {
        return TargetEvaluation.of("stance", LCR, ordinal, majority, Outcomes.of("a", gold, pred));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetEvaluation.of("stance", LCR, true, "R",
                        List.of(Outcome.answered("a0", "L", "L", Map.of()), Outcome.answered("a1", "L", "X", Map.of()))));
        assertEquals("target 'stance', outcome 1 (article 'a1'): predicted label 'X' is not one of [L, C, R]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> eval("LR", "LR", "Q", true));
        assertEquals("target 'stance': majority baseline label 'Q' is not one of [L, C, R]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetEvaluation.of("stance", LCR, true, "R",
                List.of(Outcome.answered("a0", "L", "L", Map.of()), Outcome.abstained("a0", "R", Map.of()))));
        assertEquals("target 'stance', outcome 1 (article 'a0'): the same article is outcome 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetEvaluation.of("stance", LCR, true, "R",
                List.of(Outcome.answered("a0", "L", "L", Map.of("L", 0.5, "Z", 0.5)))));
        assertEquals("target 'stance', outcome 0 (article 'a0'): probability label 'Z' is not one of [L, C, R]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetEvaluation.of("stance", LCR, true, "R", List.of()));
        assertEquals("target 'stance': no outcomes to evaluate", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TargetEvaluation.of("stance", List.of("L", "R", "L"), true, "R", Outcomes.of("a", "L", "L")));
        assertEquals("target 'stance' declares label 'L' twice", e.getMessage());
    }
}
