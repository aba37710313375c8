package dev.slant.inference.eval;

import java.util.OptionalDouble;

/**
 * One of the {@value Calibration#BINS} equal-width bins of top-label confidence: bin {@code index} holds the
 * confidences in {@code (index/15, (index+1)/15]}, the first also confidence 0.
 *
 * @param index          the bin's position, 0 to {@code Calibration.BINS - 1}
 * @param count          the articles whose confidence falls in it
 * @param correct        how many of them were predicted right
 * @param confidenceSum  the sum of their confidences
 */
public record CalibrationBin(int index, int count, int correct, double confidenceSum) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the index is not a bin's, a count is negative or more are correct than
     *                                  counted, or the confidence sum is not in [0, count]
     */
    public CalibrationBin {
        if (index < 0 || index >= Calibration.BINS) {
            throw new IllegalArgumentException("bin index " + index + " not in [0, " + Calibration.BINS + ")");
        }
        if (count < 0 || correct < 0 || correct > count) {
            throw new IllegalArgumentException("bin " + index + ": " + correct + " correct of " + count);
        }
        if (!(confidenceSum >= 0 && confidenceSum <= count + Outcome.PROBABILITY_SUM_TOLERANCE * count)) {
            throw new IllegalArgumentException("bin " + index + ": confidence sum " + confidenceSum + " for "
                    + count + " articles");
        }
    }

    /** @return the bin's lower edge (exclusive, except 0 for the first bin) */
    public double lower() {
        return (double) index / Calibration.BINS;
    }

    /** @return the bin's upper edge (inclusive) */
    public double upper() {
        return (double) (index + 1) / Calibration.BINS;
    }

    /** @return the mean confidence of its articles, empty for an empty bin */
    public OptionalDouble meanConfidence() {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(confidenceSum / count);
    }

    /** @return the share of its articles predicted right, empty for an empty bin */
    public OptionalDouble accuracy() {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / count);
    }
}
