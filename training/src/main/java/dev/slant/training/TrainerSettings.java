package dev.slant.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * One trainer's settings, validated in one place.
 *
 * @param kind          the classifier family
 * @param cost          LibLinear's C (inverse regularization), SGD's initial AdaGrad learning rate, or naive Bayes'
 *                      smoothing alpha
 * @param balanced      weigh classes inversely to their frequency (LibLinear only)
 * @param maxIterations LibLinear's iteration cap
 * @param tolerance     LibLinear's stopping tolerance
 * @param seed          LibLinear's seed
 */
public record TrainerSettings(TrainerKind kind, double cost, boolean balanced, int maxIterations, double tolerance,
                              long seed) {

    /** Epochs of the SGD trainer. */
    public static final int SGD_EPOCHS = 5;
    /** The default initial learning rate of the SGD trainer. */
    public static final double SGD_LEARNING_RATE = 1.0;
    /** The default smoothing of naive Bayes. */
    public static final double NAIVE_BAYES_ALPHA = 0.1;
    /**
     * The default trainer: a class-balanced linear SVM, C = 0.3, stopping at LibLinear's own default tolerance for
     * its dual solvers (0.1). On the article-bias media split a tolerance of 0.01 gave the same stance test macro-F1
     * (0.613) and made the 108-topic model slower.
     */
    public static final TrainerSettings DEFAULTS = new TrainerSettings(TrainerKind.SVM, 0.3, true, 1000, 0.1,
            dev.slant.datasets.split.SplitChoice.DEFAULT_SEED);

    /** Validates. @throws IllegalArgumentException naming the setting that is out of range */
    public TrainerSettings {
        Objects.requireNonNull(kind, "kind");
        if (!(cost > 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("cost (C, rate, or alpha) must be positive and finite, got " + cost);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
    }

    /**
     * @param c another cost
     * @return these settings with that cost
     */
    public TrainerSettings withCost(double c) {
        return new TrainerSettings(kind, c, balanced, maxIterations, tolerance, seed);
    }

    /**
     * @param k another kind
     * @return these settings with that kind
     */
    public TrainerSettings withKind(TrainerKind k) {
        return new TrainerSettings(k, cost, balanced, maxIterations, tolerance, seed);
    }

    /**
     * @param s another seed
     * @return these settings with that seed
     */
    public TrainerSettings withSeed(long s) {
        return new TrainerSettings(kind, cost, balanced, maxIterations, tolerance, s);
    }

    /**
     * @param on class balancing on or off
     * @return these settings with balancing on or off
     */
    public TrainerSettings withBalanced(boolean on) {
        return new TrainerSettings(kind, cost, on, maxIterations, tolerance, seed);
    }

    /**
     * The Tribuo trainer, on one thread.
     *
     * @param trainingLabels every training article's label, to weigh classes when {@link #balanced()}
     * @return a new trainer
     */
    public Trainer<Label> build(List<String> trainingLabels) {
        return build(trainingLabels, 1);
    }

    /**
     * The Tribuo trainer. LibLinear trainers solve a multi-class model's one-vs-rest problems on {@code threads}
     * threads ({@link ParallelLibLinearTrainer}); the model does not depend on the threads.
     *
     * @param trainingLabels every training article's label, to weigh classes when {@link #balanced()}
     * @param threads        threads, 1 or more
     * @return a new trainer
     * @throws IllegalArgumentException if threads is below 1
     */
    public Trainer<Label> build(List<String> trainingLabels, int threads) {
        switch (kind) {
            case NAIVE_BAYES:
                return new MultinomialNaiveBayesTrainer(cost);
            case SGD_LOGISTIC:
                return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(cost, 0.1), SGD_EPOCHS, -1, 1, seed);
            case LOGISTIC:
            case SVM:
                return libLinear(trainingLabels, threads);
            default:
                throw new IllegalStateException("unhandled trainer kind " + kind);
        }
    }

    /**
     * The LibLinear trainer of a logistic or SVM kind, solving one-vs-rest problems on {@code threads} threads.
     *
     * @param trainingLabels every training article's label, to weigh classes when {@link #balanced()}
     * @param threads        threads, 1 or more
     * @return a new trainer
     * @throws IllegalStateException    if this kind is not trained by LibLinear
     * @throws IllegalArgumentException if threads is below 1
     */
    ParallelLibLinearTrainer libLinear(List<String> trainingLabels, int threads) {
        if (!kind.usesLibLinear()) {
            throw new IllegalStateException(kind + " is not trained by LibLinear");
        }
        LinearClassificationType.LinearType type = kind == TrainerKind.LOGISTIC
                ? LinearClassificationType.LinearType.L2R_LR
                : LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL;
        ParallelLibLinearTrainer t = new ParallelLibLinearTrainer(
                new LinearClassificationType(type), cost, maxIterations, tolerance, seed, threads);
        if (balanced) {
            t.setLabelWeights(balancedWeights(trainingLabels));
        }
        return t;
    }

    /** n / (k * count(label)), as scikit-learn's class_weight="balanced". */
    static Map<Label, Float> balancedWeights(List<String> labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.merge(l, 1, Integer::sum));
        Map<Label, Float> weights = new LinkedHashMap<>();
        counts.forEach((l, n) -> weights.put(new Label(l), (float) (labels.size() / (double) (counts.size() * n))));
        return weights;
    }

    /** @return a short description for grids and manifests, e.g. "svm C=0.3 balanced" */
    public String describe() {
        String param = switch (kind) {
            case NAIVE_BAYES -> " alpha=";
            case SGD_LOGISTIC -> " rate=";
            default -> " C=";
        };
        boolean weighs = kind == TrainerKind.LOGISTIC || kind == TrainerKind.SVM;
        return kind + param + cost + (balanced && weighs ? " balanced" : "");
    }
}
