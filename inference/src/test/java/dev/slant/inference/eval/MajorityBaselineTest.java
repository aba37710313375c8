package dev.slant.inference.eval;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the majority baseline is chosen from training labels, and the baselines it refuses, named. */
class MajorityBaselineTest {
    @Test
    void majorityTieGoesToTheLabelDeclaredFirst() {
        assertEquals("C", MajorityBaseline.fromTrainingLabels(LCR, List.of("R", "C", "C", "R")).label());
    }

    @Test
    void badBaselinesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MajorityBaseline.fromTrainingLabels(LCR, List.of("L", "left")));
        assertEquals("training label 1 is 'left', not one of [L, C, R]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MajorityBaseline("L", Map.of("L", 0.25, "R", 0.75)));
        assertEquals("majority label 'L' has training share 0.25 but 'R' has 0.75", e.getMessage());
    }
}
