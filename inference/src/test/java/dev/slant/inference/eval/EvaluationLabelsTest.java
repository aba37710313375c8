package dev.slant.inference.eval;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
