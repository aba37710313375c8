package dev.slant.inference.score;

import dev.slant.inference.features.FeatureVector;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One target's linear model in primitive arrays, laid out for the cache: {@code rowOfBucket[b]} is the weight
 * row of bucket {@code b}, or -1 for a bucket the model does not know, and row {@code r} holds one weight per
 * label at {@code weights[r * labels + k]}. Only buckets the model knows have a row. Scoring a vector is one
 * pass over its features with a multiply-add per label, then the biases.
 *
 * <p>Immutable and thread-safe. Build it with {@link TribuoLinearScorers}.
 */
public final class LinearScorer {
    /** Marks a bucket the model does not know in {@code rowOfBucket}. */
    public static final int UNKNOWN = -1;

    private final String modelType;
    private final List<String> labels;
    private final int[] rowOfBucket;
    private final double[] weights;
    private final float[] floatWeights;
    private final double[] bias;
    private final ProbabilityLink link;
    private final int rows;

    /**
     * Takes the arrays without copying them (they are built for this scorer and never handed out).
     *
     * @param modelType    the Tribuo model class the weights come from, for messages
     * @param labels       labels in column order, distinct
     * @param rowOfBucket  row per bucket, {@link #UNKNOWN} for buckets the model does not know
     * @param weights      rows x labels, row-major, or null when {@code floatWeights} are given
     * @param floatWeights rows x labels, row-major, or null when {@code weights} are given
     * @param bias         one per label
     * @param link         how decision values become probabilities
     * @throws IllegalArgumentException if the sizes disagree, both or neither weight arrays are given, or a row
     *                                  index is out of range
     */
    LinearScorer(String modelType, List<String> labels, int[] rowOfBucket, double[] weights, float[] floatWeights,
            double[] bias, ProbabilityLink link) {
        this.modelType = Objects.requireNonNull(modelType, "modelType");
        this.labels = List.copyOf(labels);
        this.rowOfBucket = Objects.requireNonNull(rowOfBucket, "rowOfBucket");
        if ((weights == null) == (floatWeights == null)) {
            throw new IllegalArgumentException(modelType + ": give either double or float weights");
        }
        this.weights = weights;
        this.floatWeights = floatWeights;
        this.bias = Objects.requireNonNull(bias, "bias");
        this.link = Objects.requireNonNull(link, "link");
        int n = this.labels.size();
        if (n < 2) {
            throw new IllegalArgumentException(modelType + ": a classifier needs at least 2 labels, got " + n);
        }
        if (new HashSet<>(this.labels).size() != n) {
            throw new IllegalArgumentException(modelType + ": labels are not distinct: " + this.labels);
        }
        if (bias.length != n) {
            throw new IllegalArgumentException(modelType + ": " + bias.length + " biases for " + n + " labels");
        }
        int length = weights != null ? weights.length : floatWeights.length;
        if (length % n != 0) {
            throw new IllegalArgumentException(modelType + ": " + length + " weights are not rows of " + n + " labels");
        }
        this.rows = length / n;
        for (int b = 0; b < rowOfBucket.length; b++) {
            int r = rowOfBucket[b];
            if (r != UNKNOWN && (r < 0 || r >= rows)) {
                throw new IllegalArgumentException(modelType + ": bucket " + b + " points at row " + r + " of " + rows);
            }
        }
    }

    /**
     * This scorer with its weights stored at another precision.
     *
     * @param precision the precision
     * @return this scorer if it has that precision already, else a converted copy
     */
    public LinearScorer withPrecision(WeightPrecision precision) {
        if (precision == precision()) {
            return this;
        }
        if (precision == WeightPrecision.FLOAT) {
            float[] f = new float[weights.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) weights[i];
            }
            return new LinearScorer(modelType, labels, rowOfBucket, null, f, bias, link);
        }
        double[] d = new double[floatWeights.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = floatWeights[i];
        }
        return new LinearScorer(modelType, labels, rowOfBucket, d, null, bias, link);
    }

    /** @return how the weights are stored */
    public WeightPrecision precision() {
        return weights != null ? WeightPrecision.DOUBLE : WeightPrecision.FLOAT;
    }

    /** @return the labels, in the order of every array this scorer takes or returns */
    public List<String> labels() {
        return labels;
    }

    /** @return the Tribuo model class the weights come from */
    public String modelType() {
        return modelType;
    }

    /** @return how decision values become probabilities */
    public ProbabilityLink link() {
        return link;
    }

    /** @return the number of buckets of the featurizer this scorer reads */
    public int buckets() {
        return rowOfBucket.length;
    }

    /** @return the number of buckets the model knows (rows of weights) */
    public int knownBuckets() {
        return rows;
    }

    /**
     * @param bucket a bucket
     * @return true if the model knows it
     * @throws IndexOutOfBoundsException if the bucket is outside the featurizer's buckets
     */
    public boolean knows(int bucket) {
        return rowOfBucket[bucket] != UNKNOWN;
    }

    /** @return the bytes of this scorer's arrays (headers included), for sizing heaps */
    public long arrayBytes() {
        return arrayBytes(rowOfBucket.length, rows, labels.size(), precision());
    }

    /**
     * The bytes the arrays of a scorer take.
     *
     * @param buckets the featurizer's buckets
     * @param rows    buckets the model knows
     * @param labels    labels
     * @param precision how weights are stored
     * @return bytes of {@code rowOfBucket}, weights and biases, with 16-byte array headers
     */
    public static long arrayBytes(int buckets, long rows, int labels, WeightPrecision precision) {
        return 16 + 4L * buckets + 16 + precision.bytes() * rows * labels + 16 + 8L * labels;
    }

    /**
     * Computes the decision values of a feature vector: for each label, the sum of weight times value over the
     * features the model knows, plus the label's bias.
     *
     * @param features a vector made by the featurizer this scorer belongs to
     * @param out      receives one decision value per label
     * @return how many of the vector's features the model knows (0: the decision values are the biases alone)
     * @throws IllegalArgumentException if {@code out} has the wrong length or a feature is outside the buckets
     */
    public int decisionValues(FeatureVector features, double[] out) {
        int n = labels.size();
        if (out.length != n) {
            throw new IllegalArgumentException("output has " + out.length + " slots for " + n + " labels");
        }
        java.util.Arrays.fill(out, 0.0);
        int[] idx = features.indices();
        double[] val = features.values();
        int known = 0;
        for (int i = 0; i < idx.length; i++) {
            int b = idx[i];
            if (b >= rowOfBucket.length) {
                throw new IllegalArgumentException("feature bucket " + b + " is outside the model's " + rowOfBucket.length + " buckets");
            }
            int r = rowOfBucket[b];
            if (r == UNKNOWN) {
                continue;
            }
            known++;
            double x = val[i];
            int base = r * n;
            if (weights != null) {
                for (int k = 0; k < n; k++) {
                    out[k] += weights[base + k] * x;
                }
            } else {
                for (int k = 0; k < n; k++) {
                    out[k] += floatWeights[base + k] * x;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            out[k] += bias[k];
        }
        return known;
    }

    /**
     * One weight of the model, as {@link #decisionValues} multiplies it (for explanations: a feature's
     * contribution to a label's decision value is this weight times the feature's value).
     *
     * @param bucket a bucket
     * @param label  a label's index in {@link #labels()}
     * @return the weight, 0 for a bucket the model does not know
     * @throws IndexOutOfBoundsException if the bucket or the label is out of range
     */
    public double weight(int bucket, int label) {
        java.util.Objects.checkIndex(label, labels.size());
        int r = rowOfBucket[bucket];
        if (r == UNKNOWN) {
            return 0.0;
        }
        int i = r * labels.size() + label;
        return weights != null ? weights[i] : floatWeights[i];
    }

    /**
     * @param label a label's index in {@link #labels()}
     * @return the label's bias, the decision value of a vector the model knows nothing of
     * @throws IndexOutOfBoundsException if the label is out of range
     */
    public double bias(int label) {
        return bias[java.util.Objects.checkIndex(label, labels.size())];
    }

    /**
     * @param decisionValues decision values from {@link #decisionValues}
     * @return one probability per label ({@link #link()} says how they are made)
     */
    public double[] probabilities(double[] decisionValues) {
        return link.probabilities(decisionValues);
    }

    /** @return the row of each bucket, the array itself (for {@link ScorerCodec} only) */
    int[] rowOfBucket() {
        return rowOfBucket;
    }

    /** @return the double weights, the array itself, or null (for {@link ScorerCodec} only) */
    double[] doubleWeights() {
        return weights;
    }

    /** @return the float weights, the array itself, or null (for {@link ScorerCodec} only) */
    float[] floatWeights() {
        return floatWeights;
    }

    /** @return the biases, the array itself (for {@link ScorerCodec} only) */
    double[] bias() {
        return bias;
    }

    @Override
    public String toString() {
        return "LinearScorer[" + modelType + ", " + labels.size() + " labels, " + rows + " of " + rowOfBucket.length
                + " buckets known, " + precision() + ", " + link + "]";
    }
}
