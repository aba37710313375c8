package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well the model's top-label confidence matches its accuracy, over the answered articles that carry
 * probabilities (see the package documentation for the definition of ECE).
 *
 * @param bins       the {@link #BINS} bins, in order, empty ones included
 * @param measured   the articles in the bins
 * @param unmeasured the evaluated articles left out: abstentions and articles without probabilities
 * @param ece        expected calibration error: {@code sum over bins of |correct - confidenceSum| / measured}
 */
public record Calibration(List<CalibrationBin> bins, int measured, int unmeasured, double ece) {

    /** The number of equal-width confidence bins. */
    public static final int BINS = 15;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there are not {@link #BINS} bins in order, their counts do not add up to
     *                                  {@code measured}, nothing is measured, or the ECE is not in [0, 1]
     */
    public Calibration {
        bins = List.copyOf(bins);
        if (bins.size() != BINS) {
            throw new IllegalArgumentException("calibration needs " + BINS + " bins, got " + bins.size());
        }
        int sum = 0;
        for (int i = 0; i < BINS; i++) {
            if (bins.get(i).index() != i) {
                throw new IllegalArgumentException("calibration bin " + i + " has index " + bins.get(i).index());
            }
            sum += bins.get(i).count();
        }
        if (measured < 1 || sum != measured || unmeasured < 0) {
            throw new IllegalArgumentException("calibration bins hold " + sum + " articles; measured " + measured
                    + ", unmeasured " + unmeasured);
        }
        Figures.requireRatio("ECE", ece);
    }

    /**
     * The calibration of a tally's binned articles.
     *
     * @param tally the counts
     * @return the calibration, empty if no article was binned
     * @throws ArithmeticException if a count does not fit an int
     */
    static Optional<Calibration> of(TargetTally tally) {
        long measured = tally.calibrated();
        if (measured == 0) {
            return Optional.empty();
        }
        List<CalibrationBin> bins = new ArrayList<>();
        double gap = 0;
        for (int b = 0; b < BINS; b++) {
            bins.add(new CalibrationBin(b, Math.toIntExact(tally.binCount(b)), Math.toIntExact(tally.binCorrect(b)),
                    tally.binConfidence(b)));
            gap += Math.abs(tally.binCorrect(b) - tally.binConfidence(b));
        }
        return Optional.of(new Calibration(bins, Math.toIntExact(measured),
                Math.toIntExact(tally.articles() - measured), Math.min(1, gap / measured)));
    }

    /**
     * The bin of a confidence: bin {@code m - 1} holds {@code ((m-1)/BINS, m/BINS]}, with the edges computed as
     * {@code m / (double) BINS}; confidence 0 goes to the first bin.
     *
     * @param confidence a probability
     * @return its bin's index
     */
    static int binOf(double confidence) {
        int m = Math.max(1, Math.min(BINS, (int) Math.ceil(confidence * BINS)));
        while (m > 1 && confidence <= (double) (m - 1) / BINS) {
            m--;
        }
        while (m < BINS && confidence > (double) m / BINS) {
            m++;
        }
        return m - 1;
    }
}
