package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureTest {
    @Test
    void recoversTheFactorThatDrewTheLabels() {
        for (double truth : new double[] {0.4, 2.5}) {
            Random random = new Random(11);
            int n = 20_000;
            double[][] z = new double[n][3];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                double[] p = new double[3];
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    z[i][k] = random.nextGaussian();
                    p[k] = Math.exp(truth * z[i][k]);
                    sum += p[k];
                }
                double u = random.nextDouble() * sum;
                y[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            }
            double s = Temperature.fit(z, y);
            assertEquals(truth, s, truth * 0.1, "labels drawn from softmax(" + truth + " z)");
            double at = Temperature.logLoss(z, y, s);
            assertTrue(at <= Temperature.logLoss(z, y, s * 1.01) && at <= Temperature.logLoss(z, y, s / 1.01),
                    "the factor is the log-loss's minimum");
        }
    }

    @Test
    void logLossIsTheMeanNegativeLogProbabilityOfTheTrueLabel() {
        double[][] z = {{0, Math.log(3)}, {1, 1}};
        // softmax(0, ln 3) = (1/4, 3/4); softmax(1, 1) = (1/2, 1/2).
        assertEquals((-Math.log(0.75) - Math.log(0.5)) / 2, Temperature.logLoss(z, new int[] {1, 0}, 1), 1e-12);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Temperature.fit(new double[0][], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Temperature.fit(new double[][] {{1, 2}}, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Temperature.fit(new double[][] {{1, 2}, {1}}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Temperature.fit(new double[][] {{1, Double.NaN}}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Temperature.fit(new double[][] {{1, 2}}, new int[] {0, 1}));
    }
}
