package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DualCoordinateDescentTest {
    private static final int FEATURES = 30;

    /** Sparse rows with a bias column last; labels +1 and -1 in a random order, so both come first sometimes. */
    private static FeatureNode[][] rows(Random r, int n) {
        FeatureNode[][] x = new FeatureNode[n][];
        for (int i = 0; i < n; i++) {
            int k = 1 + r.nextInt(8);
            java.util.TreeMap<Integer, Double> f = new java.util.TreeMap<>();
            while (f.size() < k) {
                f.put(1 + r.nextInt(FEATURES), r.nextGaussian());
            }
            x[i] = new FeatureNode[k + 1];
            int j = 0;
            for (var e : f.entrySet()) {
                x[i][j++] = new FeatureNode(e.getKey(), e.getValue());
            }
            x[i][k] = new FeatureNode(FEATURES + 1, 1.0);
        }
        return x;
    }

    /** LibLinear's own binary solution, as Tribuo asks for it (bias column, bias 1, a weight on class +1). */
    private static double[] libLinear(FeatureNode[][] x, double[] y, SolverType type, double c, double weight,
                                      double eps, int maxIter, long seed) {
        Problem p = new Problem();
        p.l = x.length;
        p.n = FEATURES + 1;
        p.bias = 1.0;
        p.x = new Feature[x.length][];
        for (int i = 0; i < x.length; i++) {
            p.x[i] = x[i];
        }
        p.y = y;
        Parameter param = new Parameter(type, c, eps, maxIter);
        param.setWeights(new double[] {weight}, new int[] {1});
        param.setRandom(new Random(seed));
        Model m = Linear.train(p, param);
        assertEquals(1, m.getLabels()[0], "LibLinear puts the positives first");
        return m.getFeatureWeights();
    }

    private static double[] ours(FeatureNode[][] x, double[] y, boolean l1, double c, double weight, double eps,
                                 int maxIter, long seed) {
        return DualCoordinateDescent.solve(DualCoordinateDescent.Rows.of(x, FEATURES + 1), y, 1.0,
                c * weight, c, l1, eps, maxIter, new Random(seed));
    }

    @Test
    void findsLibLinearsWeightsBitForBit() {
        Random r = new Random(11);
        int problems = 0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 20 + r.nextInt(300);
            FeatureNode[][] x = rows(r, n);
            double[] y = new double[n];
            double[] direction = new double[FEATURES + 2];
            for (int j = 0; j < direction.length; j++) {
                direction[j] = r.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (FeatureNode f : x[i]) {
                    s += direction[f.index] * f.value;
                }
                y[i] = s + 0.5 * r.nextGaussian() > 0 ? 1 : -1;
            }
            y[0] = 1;
            y[1] = -1;
            boolean l1 = trial % 4 == 3;
            double c = new double[] {0.01, 0.3, 1, 10}[trial % 4];
            double weight = trial % 3 == 0 ? 1 : 0.2 + 5 * r.nextDouble();
            double eps = trial % 2 == 0 ? 0.1 : 1e-4;
            long seed = r.nextLong();
            double[] expected = libLinear(x, y, l1 ? SolverType.L2R_L1LOSS_SVC_DUAL : SolverType.L2R_L2LOSS_SVC_DUAL,
                    c, weight, eps, 1000, seed);
            double[] actual = ours(x, y, l1, c, weight, eps, DualCoordinateDescent.LIBLINEAR_MAX_PASSES, seed);
            if (actual == null) {
                continue; // LibLinear turned to its primal solver (counted below)
            }
            assertArrayEquals(expected, actual, 0.0, "trial " + trial);
            problems++;
        }
        assertTrue(problems >= 35, problems + " of 40 problems converged");
    }

    @Test
    void saysWhenTheL2LossDidNotConvergeAndKeepsTheL1LossSolution() {
        Random r = new Random(3);
        FeatureNode[][] x = rows(r, 200);
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextBoolean() ? 1 : -1;
        }
        // Random labels at a tiny tolerance: LibLinear's dual solvers stop after 300 passes, whatever max_iters says.
        int passes = DualCoordinateDescent.LIBLINEAR_MAX_PASSES;
        assertNull(ours(x, y, false, 100, 1, 1e-12, passes, 5));
        double[] l1 = ours(x, y, true, 100, 1, 1e-12, passes, 5);
        assertArrayEquals(libLinear(x, y, SolverType.L2R_L1LOSS_SVC_DUAL, 100, 1, 1e-12, 5000, 5), l1, 0.0);
        assertTrue(java.util.Arrays.stream(l1).anyMatch(v -> v != 0));
    }

    @Test
    void rowsRejectFeaturesOutsideTheProblem() {
        FeatureNode[][] x = {{new FeatureNode(1, 1.0), new FeatureNode(5, 2.0)}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DualCoordinateDescent.Rows.of(x, 4));
        assertTrue(e.getMessage().contains("row 0 has feature index 5, outside 1..4"), e.getMessage());
        DualCoordinateDescent.Rows ok = DualCoordinateDescent.Rows.of(x, 5);
        assertArrayEquals(new int[] {0, 4}, ok.column());
        assertArrayEquals(new int[] {0, 2}, ok.start());
        assertEquals(1, ok.size());
    }
}
