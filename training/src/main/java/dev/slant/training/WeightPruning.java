package dev.slant.training;

import dev.slant.inference.score.LibLinearWeightCompaction;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Optional pruning of a freshly trained LibLinear model: only the given fraction of its feature weights, the
 * largest in magnitude, are kept and the rest set to 0, in the Tribuo model itself, so that the bundle's model,
 * its scorer and every figure measured afterwards agree ({@link LibLinearWeightCompaction}; weights are also
 * rounded to float). Zeroed weights cost deflate almost nothing. Off by default: on the article-bias media split,
 * keeping 25% moved stance test macro-F1 from 0.6119 to 0.6126 but valid from 0.2313 to 0.2276, and topic valid
 * from 0.3976 to 0.3931 (README, Bundle format).
 */
public final class WeightPruning {
    /** Keep every weight (the default): the model is left as trained. */
    public static final double KEEP_ALL = 1.0;

    private WeightPruning() {
    }

    /**
     * @param keep a fraction of weights to keep
     * @return {@code keep}
     * @throws IllegalArgumentException if {@code keep} is outside (0, 1]
     */
    public static double checkFraction(double keep) {
        return LibLinearWeightCompaction.requireFraction(keep);
    }

    /**
     * Prunes a freshly fitted model. A model from the LibLinear path is pruned in place, in the LibLinear model
     * that its Tribuo model wraps (one pass over the weights; writing and reading the Tribuo model back, as
     * {@link #apply(Model, double)} does, took 90 s for article-bias topic's 28 million weights); the weights
     * kept are the same either way (a test).
     *
     * @param fit  a fitted model, not used elsewhere yet
     * @param keep the fraction of feature weights to keep, in (0, 1]
     * @return {@code fit} itself, pruned in place, when it holds its LibLinear model or keeps all weights; else a
     *         fit of the pruned model
     * @throws IllegalArgumentException if {@code keep} is out of range
     */
    public static ModelFitter.Fitted apply(ModelFitter.Fitted fit, double keep) {
        checkFraction(keep);
        if (keep == KEEP_ALL) {
            return fit;
        }
        de.bwaldvogel.liblinear.Model inner = fit.libLinear();
        if (inner == null) {
            return new ModelFitter.Fitted(apply(fit.model(), keep), fit.featureless(), null, fit.knownUnitLength());
        }
        double[] w = ParallelLibLinearTrainer.weights(inner);
        int nrFeature = inner.getNrFeature();
        int nrW = w.length / Math.max(1, nrFeature + (inner.getBias() >= 0 ? 1 : 0));
        // As LibLinearWeightCompaction: Tribuo's features come first, its bias feature (id = features) after them.
        int prunable = Math.min(fit.model().getFeatureIDMap().size(), nrFeature) * nrW;
        LibLinearWeightCompaction.prune(w, prunable, keep);
        return fit;
    }

    /**
     * @param model a trained model
     * @param keep  the fraction of feature weights to keep, in (0, 1]
     * @return the model itself when {@code keep} is {@link #KEEP_ALL} or it is not a LibLinear model, else the pruned model
     * @throws IllegalArgumentException if {@code keep} is out of range
     */
    public static Model<Label> apply(Model<Label> model, double keep) {
        checkFraction(keep);
        if (keep == KEEP_ALL || !LibLinearWeightCompaction.reads(model)) {
            return model;
        }
        @SuppressWarnings("unchecked") // a LibLinear classification model deserializes as one
        Model<Label> pruned = (Model<Label>) Model.deserialize(LibLinearWeightCompaction.compact(model.serialize(), keep));
        return pruned;
    }
}
