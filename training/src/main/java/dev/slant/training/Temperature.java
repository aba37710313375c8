package dev.slant.training;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): the one factor s by which a
 * model's decision values are multiplied so that their softmax is the best probability of the true label, in mean
 * log-loss over articles the model did not train on. Multiplying every weight by s keeps the model linear and its
 * labels unchanged (the argmax of s z is the argmax of z); only the probabilities move.
 */
final class Temperature {
    /** The search runs over ln s in [-LN_RANGE, LN_RANGE]: s from about 0.001 to 1,100. */
    private static final double LN_RANGE = 7;

    private Temperature() {
    }

    /**
     * Fits the factor.
     *
     * @param z each article's decision values, one per label
     * @param y each article's true label, an index into its decision values
     * @return the factor s (the inverse of the temperature), positive
     * @throws IllegalArgumentException if there is no article, the arrays disagree in length or shape, a label is out
     *                                  of range, or a decision value is not finite
     */
    static double fit(double[][] z, int[] y) {
        if (z.length == 0 || z.length != y.length) {
            throw new IllegalArgumentException(z.length + " decision-value rows and " + y.length + " labels");
        }
        int n = z[0].length;
        for (int i = 0; i < z.length; i++) {
            if (z[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + z[i].length + " decision values, row 0 " + n);
            }
            if (y[i] < 0 || y[i] >= n) {
                throw new IllegalArgumentException("row " + i + " has label " + y[i] + ", outside 0.." + (n - 1));
            }
            for (double v : z[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + " has decision value " + v);
                }
            }
        }
        // The mean log-loss is convex in s, so it has one minimum over ln s too, which Brent's method finds.
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
        double lnS = brent.optimize(new MaxEval(1000), GoalType.MINIMIZE, new SearchInterval(-LN_RANGE, LN_RANGE, 0),
                new UnivariateObjectiveFunction(t -> logLoss(z, y, Math.exp(t)))).getPoint();
        return Math.exp(lnS);
    }

    /**
     * @param z decision values
     * @param y true labels
     * @param s the factor
     * @return the mean log-loss of softmax(s z)
     */
    static double logLoss(double[][] z, int[] y, double s) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) {
                max = Math.max(max, s * v);
            }
            double exp = 0;
            for (double v : z[i]) {
                exp += Math.exp(s * v - max);
            }
            sum += Math.log(exp) + max - s * z[i][y[i]];
        }
        return sum / z.length;
    }
}
