package dev.slant.inference.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A batch compared with the training data's {@link DriftReference}, signal by signal: the known n-gram share of its
 * articles, and per target the share of each label (abstentions as one more). A signal is <em>far</em> from the
 * reference when both
 * <ul>
 *   <li>its population stability index, PSI = sum over bins of (b - r) ln(b / r) with b and r the batch's and the
 *       reference's shares (each bin's count plus 0.5, so that an empty bin stays finite), is at least
 *       {@value #FAR_PSI}: the conventional line of a major shift in credit scoring (under 0.1 no shift, 0.1 to 0.25
 *       a moderate one; Siddiqi 2006; Yurdakul 2018), and</li>
 *   <li>a chi-square test of homogeneity of the two samples' counts rejects at p &lt; {@value #P_VALUE} (the
 *       statistic above the (1 - p) quantile of chi-square with bins - 1 degrees of freedom): PSI is about
 *       chi-square / n, whose expectation on a batch drawn from the reference itself is about (bins - 1) / n, so a
 *       batch of 40 articles would pass 0.25 by chance alone without this guard.</li>
 * </ul>
 * The known share is far only below the training data's (a batch whose articles share more n-grams with it is no
 * risk: one outlet's articles can). Bins the reference gives less than {@value #MIN_BIN_SHARE} of its articles (rare labels among many, as in a
 * 108-topic model) are pooled into one, so that the test's expected counts are not tiny.
 *
 * @param articles          the batch's articles
 * @param referenceArticles the reference's articles
 * @param referenceSource   what the reference measured
 * @param signals           the known share first, then one per target
 */
public record DriftReport(long articles, long referenceArticles, String referenceSource, List<Signal> signals) {
    /** The name of the known-share signal. */
    public static final String KNOWN_SHARE = "known n-gram share";
    /** The PSI from which a signal may be far. */
    public static final double FAR_PSI = 0.25;
    /** The chi-square test's level. */
    public static final double P_VALUE = 0.001;
    /** Reference bins below this share are pooled. */
    public static final double MIN_BIN_SHARE = 0.02;
    /** The standard normal quantile of 1 - {@link #P_VALUE}. */
    private static final double Z = 3.090232306167813;

    /** Copies. */
    public DriftReport {
        Objects.requireNonNull(referenceSource, "referenceSource");
        signals = List.copyOf(signals);
    }

    /**
     * One signal.
     *
     * @param name          {@link #KNOWN_SHARE} or a target
     * @param bins          the bins' names (labels, or share ranges), pooled bins last as "other"
     * @param reference     the reference's share per bin
     * @param batch         the batch's share per bin (NaN when the batch is empty)
     * @param psi           the population stability index (NaN when the batch is empty)
     * @param chiSquare     the test's statistic
     * @param critical      its critical value at {@link #P_VALUE}
     * @param batchMean     the batch's mean (the known share's), else NaN
     * @param referenceMean the reference's mean (the known share's), else NaN
     */
    public record Signal(String name, List<String> bins, double[] reference, double[] batch, double psi, double chiSquare,
                         double critical, double batchMean, double referenceMean) {
        /** Copies. */
        public Signal {
            bins = List.copyOf(bins);
            reference = reference.clone();
            batch = batch.clone();
        }

        /**
         * @return whether the batch is far from the reference on this signal (see the class comment); the known
         *         n-gram share only when the batch's mean is below the training data's, as more known n-grams are no
         *         risk
         */
        public boolean far() {
            boolean lower = Double.isNaN(batchMean) || Double.isNaN(referenceMean) || batchMean < referenceMean;
            return psi >= FAR_PSI && chiSquare > critical && lower;
        }

        /**
         * @param name          the signal's name
         * @param bins          bin names
         * @param referenceCounts the reference's count per bin
         * @param batchCounts   the batch's count per bin
         * @param batchMean     the batch's mean, or NaN
         * @param referenceMean the reference's mean, or NaN
         * @return the signal, rare reference bins pooled
         */
        public static Signal of(String name, List<String> bins, long[] referenceCounts, long[] batchCounts,
                                double batchMean, double referenceMean) {
            long refTotal = sum(referenceCounts);
            List<String> names = new ArrayList<>();
            List<long[]> pairs = new ArrayList<>();
            long[] other = new long[2];
            for (int i = 0; i < bins.size(); i++) {
                if (refTotal > 0 && referenceCounts[i] < MIN_BIN_SHARE * refTotal) {
                    other[0] += referenceCounts[i];
                    other[1] += batchCounts[i];
                } else {
                    names.add(bins.get(i));
                    pairs.add(new long[] {referenceCounts[i], batchCounts[i]});
                }
            }
            if (other[0] + other[1] > 0) {
                names.add("other");
                pairs.add(other);
            }
            int k = pairs.size();
            long r = 0;
            long b = 0;
            for (long[] p : pairs) {
                r += p[0];
                b += p[1];
            }
            double[] rs = new double[k];
            double[] bs = new double[k];
            double psi = 0;
            double chi = 0;
            for (int i = 0; i < k; i++) {
                long[] p = pairs.get(i);
                rs[i] = r == 0 ? Double.NaN : (double) p[0] / r;
                bs[i] = b == 0 ? Double.NaN : (double) p[1] / b;
                double rr = (p[0] + 0.5) / (r + 0.5 * k);
                double bb = (p[1] + 0.5) / (b + 0.5 * k);
                psi += (bb - rr) * Math.log(bb / rr);
                // Pearson's statistic of the 2 x k table of counts.
                double col = p[0] + p[1];
                if (col > 0 && r > 0 && b > 0) {
                    double er = col * r / (double) (r + b);
                    double eb = col * b / (double) (r + b);
                    chi += (p[0] - er) * (p[0] - er) / er + (p[1] - eb) * (p[1] - eb) / eb;
                }
            }
            return new Signal(name, names, rs, bs, b == 0 ? Double.NaN : psi, chi, criticalValue(Math.max(1, k - 1)),
                    batchMean, referenceMean);
        }

        /** @return one line: "stance: PSI 0.031 (left 30.1% vs 35.2% in training, ...)" */
        public String describe() {
            StringBuilder sb = new StringBuilder(name).append(": ");
            if (!Double.isNaN(batchMean)) {
                sb.append(String.format(Locale.ROOT, "mean %.3f (training %.3f), ", batchMean, referenceMean));
            }
            sb.append(String.format(Locale.ROOT, "PSI %.3f", psi));
            if (Double.isNaN(batchMean)) {
                sb.append(" (");
                for (int i = 0; i < bins.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s %.1f%% vs %.1f%%", bins.get(i),
                            100 * batch[i], 100 * reference[i]));
                }
                sb.append(" in training)");
            }
            if (far()) {
                sb.append(String.format(Locale.ROOT, ": FAR from the training data (PSI >= %.2f, chi-square %.1f > %.1f)",
                        FAR_PSI, chiSquare, critical));
            }
            return sb.toString();
        }
    }

    /** @return the signals that are far from the reference */
    public List<Signal> far() {
        return signals.stream().filter(Signal::far).toList();
    }

    /**
     * @param name a signal's name
     * @return the signal
     * @throws IllegalArgumentException if there is none of that name
     */
    public Signal signal(String name) {
        return signals.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no drift signal '" + name + "'"));
    }

    /**
     * The (1 - {@link #P_VALUE}) quantile of chi-square with {@code dof} degrees of freedom: exact for 1 and 2
     * (10.828 and -2 ln p = 13.816), else by the Wilson-Hilferty approximation (within 2% above the exact value from 3
     * degrees of freedom on: 16.55 for 16.27, 28.05 for 27.88 at 9).
     */
    static double criticalValue(int dof) {
        if (dof == 1) {
            return 10.827566170662733;
        }
        if (dof == 2) {
            return -2 * Math.log(P_VALUE);
        }
        double a = 2.0 / (9 * dof);
        double c = 1 - a + Z * Math.sqrt(a);
        return dof * c * c * c;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }
}
