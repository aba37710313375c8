package dev.slant.training;

import java.util.ArrayList;
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
 * @param costByLabels  whether a linear SVM's C is chosen by the target's number of labels ({@link #forLabels}):
 *                      {@code cost} for at most {@link #FULL_BALANCE_MAX_LABELS}, {@link #MANY_LABELS_COST} above
 * @param balance       the exponent p of the class weights (n / (k * count(class)))^p, in [0, 1] (LibLinear only): 1
 *                      weighs classes inversely to their frequency (scikit-learn's class_weight="balanced"), 0 not at
 *                      all, and values between temper them; or {@link #BY_LABEL_COUNT} to choose it by the target's
 *                      number of labels ({@link #forLabels})
 * @param maxIterations LibLinear's iteration cap
 * @param tolerance     LibLinear's stopping tolerance
 * @param seed          LibLinear's seed
 * @param minOutlets    the model keeps, of the featurizer's n-grams, only those seen in at least this many training
 *                      outlets (1: all of them): fewer rows of weights, a smaller bundle and faster scoring, most of all
 *                      for a target of many labels, whose every n-gram is a row of one weight per label; or
 *                      {@link #OUTLETS_BY_LABEL_COUNT} to choose it by the target's number of labels ({@link #forLabels})
 * @param prototypeShare a LibLinear model's outlet prototypes ({@link OutletPrototypes}): each outlet and label pair
 *                      holding at least this share of the training articles is learned as a class of its own, and each
 *                      label's weights are the mean of its classes'; 0 turns them off; or {@link #BY_LABEL_COUNT} to
 *                      choose it by the target's number of labels ({@link #forLabels})
 * @param temperatureFolds a LibLinear model of three labels or more gets a temperature ({@link Temperature}) fitted on
 *                      held-out decision values of its training articles, the training outlets dealt into this many
 *                      folds ({@link HeldOutMargins}); 0 turns it off; or {@link #FOLDS_BY_LABEL_COUNT} to choose it by
 *                      the target's number of labels ({@link #forLabels})
 */
public record TrainerSettings(TrainerKind kind, double cost, boolean costByLabels, double balance, int maxIterations,
                              double tolerance, long seed, int minOutlets, double prototypeShare,
                              int temperatureFolds) {

    /** Epochs of the SGD trainer. */
    public static final int SGD_EPOCHS = 5;
    /** The default initial learning rate of the SGD trainer. */
    public static final double SGD_LEARNING_RATE = 1.0;
    /** The default smoothing of naive Bayes. */
    public static final double NAIVE_BAYES_ALPHA = 0.1;
    /** The default C of LibLinear trainers (for a linear SVM, of targets with few labels: {@link #costByLabels}). */
    public static final double DEFAULT_COST = 0.3;
    /** The class weights' exponent chosen by each target's number of labels ({@link #forLabels}). */
    public static final double BY_LABEL_COUNT = -1;
    /** Targets with at most this many labels get fully balanced class weights by default. */
    public static final int FULL_BALANCE_MAX_LABELS = 16;
    /**
     * The class weights' exponent of targets with more than {@link #FULL_BALANCE_MAX_LABELS} labels: full balancing
     * gives article-bias's rarest topics weights near 100 and its largest below 0.1. Chosen on a slice of the random
     * split's train part (18.75% of its articles; never its valid or test part), 108-topic macro-F1 on the slice:
     * 0.413 at 1, 0.422 at 0.75, 0.419 at 0.5, 0.394 at 0.25 (capping the balanced weights at 10 instead: 0.408).
     * Stance (3 labels) keeps 1: its outlet cross-validation measured 0.439 at 1, 0.435 at 0.75, 0.431 at 0.5.
     */
    public static final double MANY_LABELS_BALANCE = 0.75;
    /**
     * A linear SVM's C for targets with more than {@link #FULL_BALANCE_MAX_LABELS} labels (with
     * {@link #MANY_LABELS_BALANCE}): chosen on the same slice, 108-topic macro-F1 0.398 at C 0.1, 0.422 at 0.3, 0.435 at
     * 1, 0.436 at 3 (accuracy 0.570, 0.594, 0.613, 0.616). Fewer labels keep {@link #DEFAULT_COST}: stance's outlet
     * cross-validation measured 0.439 at 0.3 and 0.432 at 1.
     */
    public static final double MANY_LABELS_COST = 1.0;
    /**
     * The share of the training articles an outlet and label pair needs to be a class of its own
     * ({@link OutletPrototypes}), for targets of at most {@link #FULL_BALANCE_MAX_LABELS} labels; more labels never
     * use prototypes. Chosen on article-bias stance's outlet cross-validation and the media split's valid part, never
     * a test part: in a scratch harness (fold draws of seeds 42 and 43, classes weighed as the labels are), pairs of
     * 500+, 1,000+ and 2,000+ training articles gave mean macro-F1 0.462, 0.474 and 0.466 against 0.445 without
     * prototypes; a fold trains on about 25,000 articles, so 1,000 is 4%. With the default, the mean over the six fold
     * draws of seeds 42 to 47 rose from 0.440 to 0.469 and the media valid part from 0.302 to 0.325; the random split,
     * whose test outlets are the training outlets, fell from 0.743 to 0.662. Around it, with `slant train`: shares of
     * 3%, 4% and 5% gave 0.465, 0.474 and 0.476 over the draws of seeds 42 and 43, and 0.325, 0.325 and 0.308 on the
     * media valid part.
     */
    public static final double DEFAULT_PROTOTYPE_SHARE = 0.04;
    /** The temperature's held-out folds chosen by each target's number of labels ({@link #forLabels}). */
    public static final int FOLDS_BY_LABEL_COUNT = -1;
    /**
     * The folds of training outlets a temperature is fitted over ({@link HeldOutMargins}), for targets of at most
     * {@link #FULL_BALANCE_MAX_LABELS} labels. On article-bias stance, the expected calibration error of the outlet
     * cross-validation (seed-42 folds, pooled) went from 15.6% to 7.0% with 3 folds and 6.5% with 5, and the media test
     * part's from 26.2% to 26.1% and 16.5% (its model's factor 1.05 and 3.84: with 3 folds each held-out fold is a
     * third of the training articles). Each fold adds a fit of the model.
     */
    public static final int DEFAULT_TEMPERATURE_FOLDS = 5;
    /**
     * {@link #DEFAULT_TEMPERATURE_FOLDS} for targets of more labels, each of whose folds is another fit of (for
     * article-bias's topics) 108 one-vs-rest problems: the 108-topic model's media test ECE went from 39.3% to 21.6% with
     * 2 folds and 20.1% with 3, its training (media split) from 34 s to 57 s and 77 s.
     */
    public static final int MANY_LABELS_TEMPERATURE_FOLDS = 2;
    /** {@link #minOutlets} chosen by each target's number of labels ({@link #forLabels}). */
    public static final int OUTLETS_BY_LABEL_COUNT = 0;
    /**
     * The fewest training outlets of the n-grams a model of more than {@link #FULL_BALANCE_MAX_LABELS} labels keeps;
     * targets with fewer labels keep every n-gram of the featurizer. Each n-gram such a model keeps is a row of one
     * weight per label, read for every article that holds it: on article-bias, 108 topics over 324,000 n-grams take
     * 140 MB, and scoring waits on memory. Chosen as the highest threshold whose accuracy loss, averaged over two
     * validation sets, stays within 0.01: a slice of the random split's train part (18.75% of it, drawn with seed 42;
     * never its valid or test part) and the media split's valid part. 108-topic macro-F1 and accuracy on the slice:
     * every n-gram 0.453 and 0.622, n-grams of 15+ outlets 0.447 and 0.620, 20+ 0.449 and 0.617, 30+ 0.437 and
     * 0.606, 40+ 0.426 and 0.593; on the media valid part: every n-gram 0.407 and 0.587, 15+ 0.407 and 0.578, 20+
     * 0.394 and 0.569 (topic bundle 137, 59 and 36 MB).
     */
    public static final int MANY_LABELS_MIN_OUTLETS = 15;
    /**
     * The default trainer: a linear SVM, C = 0.3, with class weights and C by the number of labels
     * ({@link #BY_LABEL_COUNT}, {@link #costByLabels}), stopping at LibLinear's own default tolerance for its dual
     * solvers (0.1). On the article-bias media split a tolerance of 0.01 gave the same stance test macro-F1 (0.613)
     * and made the 108-topic model slower.
     */
    public static final TrainerSettings DEFAULTS = new TrainerSettings(TrainerKind.SVM, DEFAULT_COST, true,
            BY_LABEL_COUNT, 1000, 0.1, dev.slant.datasets.split.SplitChoice.DEFAULT_SEED, OUTLETS_BY_LABEL_COUNT,
            BY_LABEL_COUNT, FOLDS_BY_LABEL_COUNT);

    /** Validates. @throws IllegalArgumentException naming the setting that is out of range */
    public TrainerSettings {
        Objects.requireNonNull(kind, "kind");
        if (!(cost > 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("cost (C, rate, or alpha) must be positive and finite, got " + cost);
        }
        if (balance != BY_LABEL_COUNT) {
            requireExponent(balance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        if (prototypeShare != BY_LABEL_COUNT && !(prototypeShare >= 0 && prototypeShare < 1)) {
            throw new IllegalArgumentException("the outlet prototypes' share of the training articles must be in [0, 1), got "
                    + prototypeShare);
        }
        if (temperatureFolds != FOLDS_BY_LABEL_COUNT && temperatureFolds != 0 && temperatureFolds < 2) {
            throw new IllegalArgumentException("the temperature's held-out folds must be 0 (off) or at least 2, got "
                    + temperatureFolds);
        }
        if (minOutlets < 1 && minOutlets != OUTLETS_BY_LABEL_COUNT) {
            throw new IllegalArgumentException("a model's fewest outlets per n-gram must be at least 1 (or "
                    + OUTLETS_BY_LABEL_COUNT + " for by label count), got " + minOutlets);
        }
    }

    /**
     * @param c another cost, which stands for every number of labels
     * @return these settings with that cost
     */
    public TrainerSettings withCost(double c) {
        return new TrainerSettings(kind, c, false, balance, maxIterations, tolerance, seed, minOutlets, prototypeShare,
                temperatureFolds);
    }

    /**
     * @param k another kind
     * @return these settings with that kind
     */
    public TrainerSettings withKind(TrainerKind k) {
        return new TrainerSettings(k, cost, costByLabels, balance, maxIterations, tolerance, seed, minOutlets, prototypeShare,
                temperatureFolds);
    }

    /**
     * @param s another seed
     * @return these settings with that seed
     */
    public TrainerSettings withSeed(long s) {
        return new TrainerSettings(kind, cost, costByLabels, balance, maxIterations, tolerance, s, minOutlets, prototypeShare,
                temperatureFolds);
    }

    /**
     * Checks an exponent of the class weights given by a user.
     *
     * @param p the exponent
     * @return p
     * @throws IllegalArgumentException if p is outside [0, 1] (NaN included)
     */
    public static double requireExponent(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("the class weights' exponent (balance) must be in [0, 1], got " + p);
        }
        return p;
    }

    /**
     * @param p another exponent of the class weights, in [0, 1] (0: classes unweighted), or {@link #BY_LABEL_COUNT}
     * @return these settings with that exponent
     * @throws IllegalArgumentException if p is neither in [0, 1] nor {@link #BY_LABEL_COUNT}
     */
    public TrainerSettings withBalance(double p) {
        return new TrainerSettings(kind, cost, costByLabels, p, maxIterations, tolerance, seed, minOutlets, prototypeShare,
                temperatureFolds);
    }

    /**
     * These settings for a target. Each setting left to the number of labels is resolved on its own: the exponent
     * {@link #BY_LABEL_COUNT} becomes 1 for at most {@link #FULL_BALANCE_MAX_LABELS} labels and
     * {@link #MANY_LABELS_BALANCE} for more; with {@link #costByLabels}, a linear SVM's cost becomes
     * {@link #MANY_LABELS_COST} for more. A setting the user chose stays, so that giving C leaves the weights to the
     * label count, and giving the weights leaves C to it.
     *
     * @param labels the number of distinct labels the target trains on
     * @return settings with a definite exponent and cost
     */
    public TrainerSettings forLabels(int labels) {
        boolean many = labels > FULL_BALANCE_MAX_LABELS;
        double p = balance != BY_LABEL_COUNT ? balance : many ? MANY_LABELS_BALANCE : 1;
        double c = many && svmCostByLabels() ? MANY_LABELS_COST : cost;
        int outlets = minOutlets != OUTLETS_BY_LABEL_COUNT ? minOutlets : many ? MANY_LABELS_MIN_OUTLETS : 1;
        double share = many ? 0 : prototypeShare != BY_LABEL_COUNT ? prototypeShare : DEFAULT_PROTOTYPE_SHARE;
        int folds = temperatureFolds != FOLDS_BY_LABEL_COUNT ? temperatureFolds
                : many ? MANY_LABELS_TEMPERATURE_FOLDS : DEFAULT_TEMPERATURE_FOLDS;
        return new TrainerSettings(kind, c, false, p, maxIterations, tolerance, seed, outlets, share, folds);
    }

    /**
     * @param n the fewest training outlets of the n-grams the model keeps, 1 or more (1: every n-gram the
     *          featurizer keeps), or {@link #OUTLETS_BY_LABEL_COUNT}
     * @return these settings with that filter
     * @throws IllegalArgumentException if n is negative
     */
    public TrainerSettings withMinOutlets(int n) {
        return new TrainerSettings(kind, cost, costByLabels, balance, maxIterations, tolerance, seed, n, prototypeShare,
                temperatureFolds);
    }

    /**
     * @param share the outlet prototypes' share of the training articles, in [0, 1) (0 turns them off), or
     *              {@link #BY_LABEL_COUNT}
     * @return these settings with that share
     * @throws IllegalArgumentException if share is out of range
     */
    public TrainerSettings withPrototypeShare(double share) {
        return new TrainerSettings(kind, cost, costByLabels, balance, maxIterations, tolerance, seed, minOutlets, share,
                temperatureFolds);
    }

    /**
     * @param folds the temperature's held-out folds, 0 (off) or at least 2, or {@link #FOLDS_BY_LABEL_COUNT}
     * @return these settings with that many folds
     * @throws IllegalArgumentException if folds is out of range
     */
    public TrainerSettings withTemperatureFolds(int folds) {
        return new TrainerSettings(kind, cost, costByLabels, balance, maxIterations, tolerance, seed, minOutlets,
                prototypeShare, folds);
    }

    /** @return true when some setting is still left to each target's number of labels ({@link #forLabels}) */
    public boolean byLabels() {
        return balance == BY_LABEL_COUNT || svmCostByLabels() || minOutlets == OUTLETS_BY_LABEL_COUNT
                || prototypeShare == BY_LABEL_COUNT || temperatureFolds == FOLDS_BY_LABEL_COUNT;
    }

    /** Only a linear SVM's C follows the label count; other kinds keep {@code cost} whatever {@code costByLabels}. */
    private boolean svmCostByLabels() {
        return costByLabels && kind == TrainerKind.SVM;
    }

    /**
     * The Tribuo trainer, on one thread.
     *
     * @param trainingLabels every training article's label, to weigh classes when {@link #balance()} is above 0
     * @return a new trainer
     */
    public Trainer<Label> build(List<String> trainingLabels) {
        return build(trainingLabels, 1);
    }

    /**
     * The Tribuo trainer. LibLinear trainers solve a multi-class model's one-vs-rest problems on {@code threads}
     * threads ({@link ParallelLibLinearTrainer}); the model does not depend on the threads.
     *
     * @param trainingLabels every training article's label, to weigh classes when {@link #balance()} is above 0
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
     * @param trainingLabels every training article's label, to weigh classes when {@link #balance()} is above 0
     * @param threads        threads, 1 or more
     * @return a new trainer
     * @throws IllegalStateException    if this kind is not trained by LibLinear
     * @throws IllegalArgumentException if threads is below 1
     */
    ParallelLibLinearTrainer libLinear(List<String> trainingLabels, int threads) {
        if (!kind.usesLibLinear()) {
            throw new IllegalStateException(kind + " is not trained by LibLinear");
        }
        if (byLabels()) {
            return forLabels((int) trainingLabels.stream().distinct().count()).libLinear(trainingLabels, threads);
        }
        LinearClassificationType.LinearType type = kind == TrainerKind.LOGISTIC
                ? LinearClassificationType.LinearType.L2R_LR
                : LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL;
        ParallelLibLinearTrainer t = new ParallelLibLinearTrainer(
                new LinearClassificationType(type), cost, maxIterations, tolerance, seed, threads);
        if (balance > 0) {
            t.setLabelWeights(classWeights(trainingLabels, balance));
        }
        return t;
    }

    /**
     * (n / (k * count(label)))^p: at p = 1 scikit-learn's class_weight="balanced".
     *
     * @param labels every training article's label
     * @param p      the exponent
     * @return each label's weight
     */
    static Map<Label, Float> classWeights(List<String> labels, double p) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.merge(l, 1, Integer::sum));
        Map<Label, Float> weights = new LinkedHashMap<>();
        counts.forEach((l, n) -> weights.put(new Label(l),
                (float) Math.pow(labels.size() / (double) (counts.size() * n), p)));
        return weights;
    }

    /** @return a short description for grids and manifests, e.g. "svm C=0.3 balanced^0.75" */
    public String describe() {
        String param = switch (kind) {
            case NAIVE_BAYES -> " alpha=";
            case SGD_LOGISTIC -> " rate=";
            default -> " C=";
        };
        boolean weighs = kind == TrainerKind.LOGISTIC || kind == TrainerKind.SVM;
        double p = balance == BY_LABEL_COUNT ? 1 : balance;
        String weights = !weighs || p == 0 ? "" : p == 1 ? " balanced" : " balanced^" + p;
        List<String> many = new ArrayList<>(4);
        if (svmCostByLabels()) {
            many.add("C=" + MANY_LABELS_COST);
        }
        if (weighs && balance == BY_LABEL_COUNT) {
            many.add("balanced^" + MANY_LABELS_BALANCE);
        }
        if (minOutlets == OUTLETS_BY_LABEL_COUNT) {
            many.add("n-grams of " + MANY_LABELS_MIN_OUTLETS + "+ outlets");
        }
        if (kind.usesLibLinear() && prototypeShare == BY_LABEL_COUNT) {
            many.add("no outlet prototypes");
        }
        if (kind.usesLibLinear() && temperatureFolds == FOLDS_BY_LABEL_COUNT) {
            many.add("temperature on " + MANY_LABELS_TEMPERATURE_FOLDS + " outlet folds");
        }
        String above = many.isEmpty() ? "" : "; above " + FULL_BALANCE_MAX_LABELS + " labels " + String.join(" ", many);
        String filter = minOutlets > 1 ? " n-grams of " + minOutlets + "+ outlets" : "";
        double share = prototypeShare == BY_LABEL_COUNT ? DEFAULT_PROTOTYPE_SHARE : prototypeShare;
        String prototypes = !kind.usesLibLinear() || share == 0 ? ""
                : " outlet prototypes of " + java.math.BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString()
                        + "%";
        int folds = temperatureFolds == FOLDS_BY_LABEL_COUNT ? DEFAULT_TEMPERATURE_FOLDS : temperatureFolds;
        String temperature = !kind.usesLibLinear() || folds == 0 ? "" : " temperature on " + folds + " outlet folds";
        return kind + param + cost + weights + filter + prototypes + temperature + above;
    }
}
