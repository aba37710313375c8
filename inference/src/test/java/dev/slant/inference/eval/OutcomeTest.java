package dev.slant.inference.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an outcome says about its article, and the outcomes it refuses, named. */
class OutcomeTest {
    @Test
    void confidenceIsTheProbabilityOfThePredictedLabel() {
        assertEquals(0.3, Outcome.answered("1", "A", "B", Map.of("A", 0.7, "B", 0.3)).confidence().getAsDouble());
        assertEquals(0.0, Outcome.answered("1", "A", "B", Map.of("A", 1.0)).confidence().getAsDouble());
        assertTrue(Outcome.abstained("1", "A", Map.of("A", 1.0)).confidence().isEmpty());
        assertFalse(Outcome.abstained("1", "A", Map.of()).isCorrect());
    }

    @Test
    void badOutcomesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Outcome.answered("a9", "L", "L", Map.of("L", 0.5, "R", 0.4)));
        assertEquals("article 'a9': probabilities sum to 0.9, not 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Outcome.answered("a9", "L", "L", Map.of("L", Double.NaN)));
        assertEquals("article 'a9': probability of 'L' is NaN, not in [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Outcome.answered("a9", "L", " ", Map.of()));
        assertEquals("article 'a9': predicted label is blank (use null for an abstention)", e.getMessage());
    }
}
