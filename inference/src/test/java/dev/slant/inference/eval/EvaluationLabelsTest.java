package dev.slant.inference.eval;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The label set of an evaluation: declared when it covers, else the sorted union with the unseen gold labels. */
class EvaluationLabelsTest {

    @Test
    void declaredLabelsThatCoverEverythingKeepTheirOrder() {
        assertEquals(LCR, EvaluationLabels.of(LCR, Set.of("R", "L"), List.of("C", "C", "L")));
    }

    @Test
    void aGoldLabelTheModelNeverSawJoinsTheSortedUnion() {
        assertEquals(List.of("C", "L", "R", "X"), EvaluationLabels.of(LCR, Set.of("L", "C", "R"), List.of("X", "L")));
        assertEquals(List.of("A", "C", "L", "R"), EvaluationLabels.of(List.of(), LCR, List.of("A")));
    }

    @Test
    void onlyTheSetsMatterNotTheOrderTheGoldLabelsCameIn() {
        assertEquals(EvaluationLabels.of(LCR, LCR, List.of("Y", "X", "L")),
                EvaluationLabels.of(LCR, List.of("R", "C", "L"), List.of("X", "Y", "X")));
    }

    @Test
    void anOrdinalScaleHoldsOnlyInTheDeclaredOrder() {
        List<String> sorted = EvaluationLabels.of(LCR, LCR, List.of("X"));
        assertTrue(EvaluationLabels.ordinal(LCR, true, EvaluationLabels.of(LCR, LCR, List.of("L"))));
        assertFalse(EvaluationLabels.ordinal(LCR, true, sorted), "a label off the scale: sorted positions measure no distance");
        assertFalse(EvaluationLabels.ordinal(LCR, false, LCR), "a nominal target");
        assertFalse(EvaluationLabels.ordinal(List.of(), true, LCR), "nothing declared");
    }
}
