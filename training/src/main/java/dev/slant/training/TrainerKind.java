package dev.slant.training;

import java.util.Locale;

/** The classifier families {@code slant train --trainer} offers. */
public enum TrainerKind {
    /** L2-regularized logistic regression (LibLinear, primal). Gives probabilities. */
    LOGISTIC("logistic"),
    /** L2-regularized linear SVM with squared hinge loss (LibLinear, dual). Probabilities are a softmax of margins. */
    SVM("svm"),
    /**
     * Multinomial logistic regression trained by stochastic gradient descent (Tribuo SGD, AdaGrad, a few
     * epochs): one model for all labels, so many-label targets such as topic train far faster than one-vs-rest.
     */
    SGD_LOGISTIC("sgd-logistic"),
    /** Multinomial naive Bayes with additive smoothing. */
    NAIVE_BAYES("naive-bayes");

    private final String cliName;

    TrainerKind(String cliName) {
        this.cliName = cliName;
    }

    /** @return true for the kinds LibLinear trains (logistic regression and the SVM) */
    public boolean usesLibLinear() {
        return this == LOGISTIC || this == SVM;
    }

    /** @return the name used on the command line and in manifests */
    public String cliName() {
        return cliName;
    }

    /**
     * @param name a command-line name ("logistic", "svm", "naive-bayes"), any case
     * @return the kind
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static TrainerKind parse(String name) {
        for (TrainerKind k : values()) {
            if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown trainer '" + name + "' (logistic, svm, sgd-logistic, naive-bayes)");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
