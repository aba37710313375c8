package dev.slant.inference.eval;

import java.util.List;

/**
 * The mean and the spread of one figure over cross-validation folds.
 *
 * @param mean              the mean over folds
 * @param standardDeviation the sample standard deviation over folds (divided by n - 1)
 */
public record Spread(double mean, double standardDeviation) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a value is not finite or the deviation is negative
     */
    public Spread {
        if (!Double.isFinite(mean) || !Double.isFinite(standardDeviation) || standardDeviation < 0) {
            throw new IllegalArgumentException("bad spread: mean " + mean + ", standard deviation "
                    + standardDeviation);
        }
    }

    /**
     * @param values one value per fold, at least two
     * @return their mean and sample standard deviation
     * @throws IllegalArgumentException if there are fewer than two values
     */
    public static Spread of(List<Double> values) {
        if (values.size() < 2) {
            throw new IllegalArgumentException("a spread needs at least two values, got " + values.size());
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Spread(mean, Math.sqrt(squares / (values.size() - 1)));
    }
}
