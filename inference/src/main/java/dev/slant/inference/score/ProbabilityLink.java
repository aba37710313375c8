package dev.slant.inference.score;

/**
 * How a linear scorer's decision values become label probabilities, as the Tribuo model it copies does.
 */
public enum ProbabilityLink {
    /**
     * LibLinear's logistic regression ({@code predictProbability}): a sigmoid per label, divided by their sum.
     * Tribuo's scores are these probabilities.
     */
    ONE_VS_REST_LOGISTIC(true),
    /**
     * Softmax of the decision values (Tribuo's {@code ExpNormalizer}): SGD logistic regression and multinomial
     * naive Bayes. Tribuo's scores are these probabilities.
     */
    SOFTMAX(true),
    /**
     * Linear SVMs (LibLinear's L2R_L2LOSS_SVC_DUAL and friends, SGD with hinge loss), which give no
     * probabilities: Tribuo's scores are the decision values, and the probabilities here are a softmax of
     * them. They rank labels as the margins do and sum to one; they are calibrated only where training scaled the
     * weights by a fitted temperature (Slant's trainer does for targets of 3 labels or more).
     */
    SOFTMAX_OF_MARGINS(false);

    private final boolean tribuoScoresAreProbabilities;

    ProbabilityLink(boolean tribuoScoresAreProbabilities) {
        this.tribuoScoresAreProbabilities = tribuoScoresAreProbabilities;
    }

    /** @return true when the Tribuo model itself reports probabilities, false when it reports decision values */
    public boolean tribuoScoresAreProbabilities() {
        return tribuoScoresAreProbabilities;
    }

    /**
     * Probabilities from decision values.
     *
     * @param decisionValues one value per label
     * @return one probability per label, summing to one
     */
    public double[] probabilities(double[] decisionValues) {
        double[] p = decisionValues.clone();
        if (this == ONE_VS_REST_LOGISTIC) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = 1 / (1 + Math.exp(-p[i]));
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
        } else {
            softmaxInPlace(p);
        }
        return p;
    }

    /**
     * What Tribuo's {@code Prediction} reports as each label's score: the probabilities, or the decision values
     * for models without probabilities.
     *
     * @param decisionValues one value per label
     * @return Tribuo's scores
     */
    public double[] tribuoScores(double[] decisionValues) {
        return tribuoScoresAreProbabilities ? probabilities(decisionValues) : decisionValues.clone();
    }

    /** The same arithmetic, in the same order, as Tribuo's {@code ExpNormalizer}. */
    private static void softmaxInPlace(double[] v) {
        double max = -Double.MAX_VALUE;
        for (double x : v) {
            if (max < x) {
                max = x;
            }
        }
        double sum = 0.0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(v[i] - max);
            sum += v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= sum;
        }
    }
}
