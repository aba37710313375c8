package dev.slant.inference.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BFloat16Test {
    private static final double ULP_AT_ONE = Math.scalb(1.0, -7);

    @Test
    void valuesOfEightSignificantBitsAreKept() {
        for (double v : new double[] {0, 1, -1, 0.5, 1 + ULP_AT_ONE, -(1 + 127 * ULP_AT_ONE), Math.scalb(1.5, 127), Math.scalb(1.0, -130)}) {
            assertTrue(BFloat16.isExact(v), v + " is a bfloat16");
            assertEquals(v, BFloat16.rounded(v), 0.0, "kept: " + v);
            assertEquals(v, BFloat16.toFloat(BFloat16.round(v)), 0.0);
        }
        assertEquals(0x3f80, BFloat16.round(1.0));
        assertEquals((short) 0xbf80, BFloat16.round(-1.0));
    }

    @Test
    void roundsToTheNearestAndTiesToEven() {
        assertEquals(1.0, BFloat16.rounded(1 + 0.49 * ULP_AT_ONE), 0.0);
        assertEquals(1 + ULP_AT_ONE, BFloat16.rounded(1 + 0.51 * ULP_AT_ONE), 0.0);
        // Halfway: 1 (fraction ...0) is even; 1 + 2 ulps is even; 1 + 1 ulp is odd.
        assertEquals(1.0, BFloat16.rounded(1 + 0.5 * ULP_AT_ONE), 0.0);
        assertEquals(1 + 2 * ULP_AT_ONE, BFloat16.rounded(1 + 1.5 * ULP_AT_ONE), 0.0);
        assertEquals(-1.0, BFloat16.rounded(-(1 + 0.5 * ULP_AT_ONE)), 0.0);
        assertEquals(2.0, BFloat16.rounded(2 - 0.25 * ULP_AT_ONE), 0.0, "a carry into the exponent");
        assertFalse(BFloat16.isExact(1 + 0.5 * ULP_AT_ONE));
        // Just above halfway, by less than a float's precision: rounded once, up (a float first would tie, to 1).
        assertEquals(1 + ULP_AT_ONE, BFloat16.rounded(1 + 0.5 * ULP_AT_ONE + Math.scalb(1.0, -40)), 0.0);
        assertFalse(BFloat16.isExact(0.1));
    }

    @Test
    void theRelativeErrorIsAtMostTwoToTheMinusEight() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 6));
            double back = BFloat16.rounded(v);
            assertTrue(Math.abs(back - v) <= Math.scalb(Math.abs(v), -8), v + " became " + back);
            assertTrue(BFloat16.isExact(back));
        }
    }

    @Test
    void infinitiesAndNaNAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BFloat16.round(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BFloat16.round(Double.POSITIVE_INFINITY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BFloat16.round(Float.MAX_VALUE));
        assertTrue(e.getMessage().contains("beyond bfloat16's range"), e.getMessage());
    }
}
