package dev.slant.inference.score;

import dev.slant.inference.features.BucketIndex;
import dev.slant.inference.features.FeatureVector;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One target's linear model in primitive arrays, laid out for the cache: the buckets the model knows are a
 * {@link BucketIndex} (a bit per bucket and a rank table, a few hundred kilobytes where an int per bucket takes
 * megabytes), and the r-th known bucket in bucket order has its weights at {@code weights[r * labels + k]}, so
 * that a vector's increasing buckets read the weights front to back. Scoring a vector is one pass over its
 * features with a multiply-add per label, then the biases.
 *
 * <p>Float weights of a model with at least {@link #SPARSE_MIN_LABELS} labels of which at most
 * {@link #SPARSE_AT_MOST} are non-zero (a pruned model, see {@code slant train --keep-weights}) are kept
 * sparse instead: row r's non-zero weights and their label indices at {@code [rowStart[r], rowStart[r + 1])}, in label order. Scoring then does a multiply-add per non-zero weight
 * only, and its decision values equal the dense layout's exactly: each label's sum gets the same non-zero
 * products in the same order, and a zero weight adds nothing.
 *
 * <p>A model that knows only some of the featurizer's buckets ({@code slant train --model-min-outlets}) was trained
 * on each vector cut down to those buckets and scaled back to unit length ({@link #knownUnitLength()}): its scorer
 * scales the decision values' sums by the inverse length of the known features, which equals scoring that cut
 * vector (the sums are linear in the values).
 *
 * <p>Immutable and thread-safe. Build it with {@link TribuoLinearScorers}.
 */
public final class LinearScorer {
    /** Marks a bucket the model does not know in {@code rowOfBucket}. */
    public static final int UNKNOWN = -1;
    /**
     * The largest share of non-zero float weights kept sparse: a sparse weight takes 6 bytes (a float and its
     * label's index) where a dense one takes 4, so at a third it takes half the memory, and scoring reads less.
     */
    public static final double SPARSE_AT_MOST = 1.0 / 3;
    /**
     * The fewest labels kept sparse: a dense row of fewer float weights fits one cache line, which a sparse row
     * (row start, labels and weights in three arrays) cannot beat; article-bias stance (3 labels) pruned to 5% scored
     * in 17.1 CPU us per article sparse and 6.6 dense.
     */
    public static final int SPARSE_MIN_LABELS = 16;
    /** The most labels whose decision values are summed in local variables ({@link #smallDecisionValues}). */
    private static final int SMALL_LABELS = 4;

    private final String modelType;
    private final List<String> labels;
    private final BucketIndex known;
    private final double[] weights;
    private final float[] floatWeights;
    /** {@link BFloat16} weights, rows x labels, or null. */
    private final short[] bf16Weights;
    /** Sparse layout (all three set, {@code weights} and {@code floatWeights} null), or all null. */
    private final int[] rowStart;
    private final short[] sparseLabel;
    private final float[] sparseWeight;
    private final double[] bias;
    private final ProbabilityLink link;
    private final int rows;
    private final boolean knownUnitLength;

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
        this(modelType, labels, rowOfBucket, weights, floatWeights, null, bias, link);
    }

    /**
     * Takes the arrays without copying them (they are built for this scorer and never handed out).
     *
     * @param modelType    the Tribuo model class the weights come from, for messages
     * @param labels       labels in column order, distinct
     * @param rowOfBucket  row per bucket, {@link #UNKNOWN} for buckets the model does not know
     * @param weights      rows x labels, row-major, or null when another weight array is given
     * @param floatWeights rows x labels, row-major, or null when another weight array is given
     * @param bf16Weights  rows x labels, row-major, {@link BFloat16} bits, or null when another weight array is given
     * @param bias         one per label
     * @param link         how decision values become probabilities
     * @throws IllegalArgumentException if the sizes disagree, not exactly one weight array is given, or a row index
     *                                  is out of range
     */
    LinearScorer(String modelType, List<String> labels, int[] rowOfBucket, double[] weights, float[] floatWeights,
            short[] bf16Weights, double[] bias, ProbabilityLink link) {
        this.modelType = Objects.requireNonNull(modelType, "modelType");
        this.labels = List.copyOf(labels);
        Objects.requireNonNull(rowOfBucket, "rowOfBucket");
        if ((weights != null ? 1 : 0) + (floatWeights != null ? 1 : 0) + (bf16Weights != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException(modelType + ": give one array of double, float or bfloat16 weights");
        }
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
        int length = weights != null ? weights.length : floatWeights != null ? floatWeights.length : bf16Weights.length;
        if (length % n != 0) {
            throw new IllegalArgumentException(modelType + ": " + length + " weights are not rows of " + n + " labels");
        }
        this.rows = length / n;
        boolean[] rowUsed = new boolean[rows];
        boolean inBucketOrder = true;
        int previous = -1;
        for (int b = 0; b < rowOfBucket.length; b++) {
            int r = rowOfBucket[b];
            if (r == UNKNOWN) {
                continue;
            }
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException(modelType + ": bucket " + b + " points at row " + r + " of " + rows);
            }
            if (rowUsed[r]) {
                throw new IllegalArgumentException(modelType + ": row " + r + " belongs to two buckets");
            }
            rowUsed[r] = true;
            inBucketOrder &= r == previous + 1;
            previous = r;
        }
        if (countUsed(rowUsed) != rows) {
            throw new IllegalArgumentException(modelType + ": " + rows + " weight rows but " + countUsed(rowUsed) + " known buckets");
        }
        this.known = BucketIndex.of(rowOfBucket.length, b -> rowOfBucket[b] != UNKNOWN);
        double[] orderedWeights = weights;
        float[] orderedFloats = floatWeights;
        short[] orderedBf16 = bf16Weights;
        if (!inBucketOrder) {
            // Rows in bucket order, so that a row's number is its bucket's rank among the known ones.
            int[] members = known.members();
            orderedWeights = weights == null ? null : new double[weights.length];
            orderedFloats = floatWeights == null ? null : new float[floatWeights.length];
            orderedBf16 = bf16Weights == null ? null : new short[bf16Weights.length];
            for (int rank = 0; rank < members.length; rank++) {
                int from = rowOfBucket[members[rank]] * n;
                if (weights != null) {
                    System.arraycopy(weights, from, orderedWeights, rank * n, n);
                } else if (floatWeights != null) {
                    System.arraycopy(floatWeights, from, orderedFloats, rank * n, n);
                } else {
                    System.arraycopy(bf16Weights, from, orderedBf16, rank * n, n);
                }
            }
        }
        long nonZero = orderedFloats == null ? -1 : nonZero(orderedFloats);
        if (orderedFloats != null && n >= SPARSE_MIN_LABELS && n <= Short.MAX_VALUE
                && nonZero <= SPARSE_AT_MOST * orderedFloats.length) {
            this.weights = null;
            this.floatWeights = null;
            this.bf16Weights = null;
            this.rowStart = new int[rows + 1];
            this.sparseLabel = new short[(int) nonZero];
            this.sparseWeight = new float[(int) nonZero];
            int e = 0;
            for (int r = 0; r < rows; r++) {
                rowStart[r] = e;
                for (int k = 0, base = r * n; k < n; k++) {
                    float w = orderedFloats[base + k];
                    if (w != 0) {
                        sparseLabel[e] = (short) k;
                        sparseWeight[e++] = w;
                    }
                }
            }
            rowStart[rows] = e;
        } else {
            this.weights = orderedWeights;
            this.floatWeights = orderedFloats;
            this.bf16Weights = orderedBf16;
            this.rowStart = null;
            this.sparseLabel = null;
            this.sparseWeight = null;
        }
        this.knownUnitLength = false;
    }

    /** A copy sharing every array, with {@link #knownUnitLength} set and the given index of the known buckets. */
    private LinearScorer(LinearScorer s, boolean knownUnitLength, BucketIndex known) {
        this.modelType = s.modelType;
        this.labels = s.labels;
        this.known = known;
        this.weights = s.weights;
        this.floatWeights = s.floatWeights;
        this.bf16Weights = s.bf16Weights;
        this.rowStart = s.rowStart;
        this.sparseLabel = s.sparseLabel;
        this.sparseWeight = s.sparseWeight;
        this.bias = s.bias;
        this.link = s.link;
        this.rows = s.rows;
        this.knownUnitLength = knownUnitLength;
    }

    /**
     * This scorer, scoring each vector as if cut down to the buckets the model knows and scaled back to unit length
     * (for a model trained so: {@code slant train --model-min-outlets}), or not.
     *
     * @param on whether to scale
     * @return this scorer if it already does as asked, else a copy sharing its arrays
     */
    public LinearScorer withKnownUnitLength(boolean on) {
        return on == knownUnitLength ? this : new LinearScorer(this, on, known);
    }

    /**
     * This scorer, looking its known buckets up in the given index when that holds the same buckets (a featurizer's
     * kept buckets, {@link dev.slant.inference.features.Featurizer#keptBuckets()}, when the model knows every one of
     * them): the featurizer has just read the same words of it for the same features, so the scorer finds them in
     * cache instead of reading a second copy.
     *
     * @param index an index of buckets, or null
     * @return a copy sharing this scorer's weights and the given index, or this scorer if the index differs
     */
    public LinearScorer sharingIndex(BucketIndex index) {
        return index == null || index == known || !known.sameMembers(index) ? this
                : new LinearScorer(this, knownUnitLength, index);
    }

    /** @return the index of the known buckets (for tests) */
    BucketIndex knownIndex() {
        return known;
    }

    /**
     * @return true when each vector is scored as if cut down to the known buckets and scaled back to unit length
     *         ({@link #withKnownUnitLength})
     */
    public boolean knownUnitLength() {
        return knownUnitLength;
    }

    /**
     * What a feature's value is multiplied by before it meets its weights: 1, or when {@link #knownUnitLength()}, the
     * inverse length of the vector's features the model knows (1 if it knows none).
     *
     * @param features a vector made by the featurizer this scorer belongs to
     * @return the factor
     */
    public double valueScale(FeatureVector features) {
        if (!knownUnitLength) {
            return 1.0;
        }
        int[] idx = features.indices();
        double[] val = features.values();
        double sq = 0;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] >= 0 && idx[i] < known.buckets() && known.contains(idx[i])) {
                sq += val[i] * val[i];
            }
        }
        return sq > 0 ? 1.0 / Math.sqrt(sq) : 1.0;
    }

    private static long nonZero(float[] w) {
        long c = 0;
        for (float v : w) {
            c += v != 0 ? 1 : 0;
        }
        return c;
    }

    private static int countUsed(boolean[] used) {
        int c = 0;
        for (boolean u : used) {
            c += u ? 1 : 0;
        }
        return c;
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
        int[] rowOf = rowOfBucket();
        int count = Math.multiplyExact(rows, labels.size());
        float[] fromSparse = sparse() ? floatWeights() : null;
        LinearScorer converted = switch (precision) {
            case DOUBLE -> {
                double[] d = new double[count];
                for (int i = 0; i < count; i++) {
                    d[i] = denseWeight(i, fromSparse);
                }
                yield new LinearScorer(modelType, labels, rowOf, d, null, null, bias, link);
            }
            case FLOAT -> {
                float[] f = new float[count];
                for (int i = 0; i < count; i++) {
                    f[i] = (float) denseWeight(i, fromSparse);
                }
                yield new LinearScorer(modelType, labels, rowOf, null, f, null, bias, link);
            }
            case BFLOAT16 -> {
                short[] h = new short[count];
                for (int i = 0; i < count; i++) {
                    h[i] = BFloat16.round(denseWeight(i, fromSparse));
                }
                yield new LinearScorer(modelType, labels, rowOf, null, null, h, bias, link);
            }
        };
        return converted.withKnownUnitLength(knownUnitLength);
    }

    /** The i-th weight of the dense layout, rows x labels ({@code fromSparse}: a sparse scorer's dense copy). */
    private double denseWeight(int i, float[] fromSparse) {
        if (weights != null) {
            return weights[i];
        }
        if (floatWeights != null) {
            return floatWeights[i];
        }
        if (bf16Weights != null) {
            return BFloat16.toFloat(bf16Weights[i]);
        }
        return fromSparse[i];
    }

    /**
     * @param precision a precision
     * @return whether every weight is a value of that precision, so that {@link #withPrecision} to it loses nothing
     */
    public boolean fitsIn(WeightPrecision precision) {
        if (precision.bytes() >= precision().bytes()) {
            return true;
        }
        float[] fromSparse = sparse() ? floatWeights() : null;
        for (int i = 0, count = Math.multiplyExact(rows, labels.size()); i < count; i++) {
            double w = denseWeight(i, fromSparse);
            if (precision.round(w) != w) {
                return false;
            }
        }
        return true;
    }

    /** @return how the weights are stored */
    public WeightPrecision precision() {
        return weights != null ? WeightPrecision.DOUBLE : bf16Weights != null ? WeightPrecision.BFLOAT16 : WeightPrecision.FLOAT;
    }

    /** @return whether only the non-zero weights are stored ({@link #SPARSE_AT_MOST}, {@link #SPARSE_MIN_LABELS}) */
    public boolean sparse() {
        return rowStart != null;
    }

    /** @return the number of weights stored: rows times labels, or the non-zero ones when {@link #sparse()} */
    public long storedWeights() {
        return sparse() ? sparseWeight.length : (long) rows * labels.size();
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
        return known.buckets();
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
        if (bucket < 0 || bucket >= known.buckets()) {
            throw new IndexOutOfBoundsException("bucket " + bucket + " outside [0, " + known.buckets() + ")");
        }
        return known.contains(bucket);
    }

    /** @return the bytes of this scorer's arrays (headers included), for sizing heaps */
    public long arrayBytes() {
        if (sparse()) {
            // Row starts, label indices and weights in place of the dense weights.
            return indexAndBiasBytes(known.buckets(), labels.size())
                    + 16 + 4L * (rows + 1) + 16 + 2L * sparseLabel.length + 16 + 4L * sparseWeight.length;
        }
        return arrayBytes(known.buckets(), rows, labels.size(), precision());
    }

    /**
     * The bytes the arrays of a scorer take.
     *
     * @param buckets the featurizer's buckets
     * @param rows    buckets the model knows
     * @param labels    labels
     * @param precision how weights are stored
     * @return bytes of the known-bucket index (a bit per bucket, an int per 64), weights and biases, with 16-byte
     *         array headers
     */
    public static long arrayBytes(int buckets, long rows, int labels, WeightPrecision precision) {
        return indexAndBiasBytes(buckets, labels) + 16 + precision.bytes() * rows * labels;
    }

    /** The known-bucket index (a bit per bucket, an int per 64) and the biases, with their array headers. */
    private static long indexAndBiasBytes(int buckets, int labels) {
        long words = (buckets + 63L) >>> 6;
        return 16 + 8 * words + 16 + 4 * words + 16 + 8L * labels;
    }

    /**
     * Computes the decision values of a feature vector: for each label, the sum of weight times value over the
     * features the model knows (times {@link #valueScale}), plus the label's bias.
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
        int buckets = this.known.buckets();
        if (idx.length > 0 && (idx[0] < 0 || idx[idx.length - 1] >= buckets)) {
            // Indices increase, so the first and last bound them all.
            throw new IllegalArgumentException("feature bucket " + (idx[0] < 0 ? idx[0] : idx[idx.length - 1])
                    + " is outside the model's " + buckets + " buckets");
        }
        if (n <= SMALL_LABELS && rowStart == null) {
            return smallDecisionValues(idx, val, out);
        }
        // The known features' rows first; then their weights, a row at a time or, for bfloat16 rows, DenseRows.
        int[] row = new int[idx.length];
        double[] x = new double[idx.length];
        int known = 0;
        double squares = 0;
        for (int i = 0; i < idx.length; i++) {
            int r = this.known.rank(idx[i]);
            if (r >= 0) {
                row[known] = r;
                x[known++] = val[i];
                squares += val[i] * val[i];
            }
        }
        if (bf16Weights != null) {
            DenseRows.addBf16(bf16Weights, row, x, known, out);
        } else {
            for (int j = 0; j < known; j++) {
                int r = row[j];
                double xj = x[j];
                if (rowStart != null) {
                    for (int e = rowStart[r], end = rowStart[r + 1]; e < end; e++) {
                        out[sparseLabel[e]] += sparseWeight[e] * xj;
                    }
                } else if (weights != null) {
                    for (int k = 0, base = r * n; k < n; k++) {
                        out[k] += weights[base + k] * xj;
                    }
                } else {
                    for (int k = 0, base = r * n; k < n; k++) {
                        out[k] += floatWeights[base + k] * xj;
                    }
                }
            }
        }
        if (knownUnitLength && squares > 0) {
            double scale = 1.0 / Math.sqrt(squares);
            for (int k = 0; k < n; k++) {
                out[k] *= scale;
            }
        }
        for (int k = 0; k < n; k++) {
            out[k] += bias[k];
        }
        return known;
    }

    /**
     * {@link #decisionValues} for a dense model of at most {@link #SMALL_LABELS} labels: the sums are kept in local
     * variables rather than in {@code out}, where each feature's additions waited on the stores of the one before.
     * Each label's sum takes the same products in the same order, so the decision values are the same bits. A model
     * of fewer labels adds its last label's products to the spare sums too, which are then dropped, so that one loop
     * serves 2 to 4 labels.
     */
    private int smallDecisionValues(int[] idx, double[] val, double[] out) {
        int n = labels.size();
        int o2 = Math.min(2, n - 1);
        int o3 = Math.min(3, n - 1);
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int known = 0;
        double squares = 0;
        for (int i = 0; i < idx.length; i++) {
            int r = this.known.rank(idx[i]);
            if (r < 0) {
                continue;
            }
            known++;
            double x = val[i];
            squares += x * x;
            int base = r * n;
            if (bf16Weights != null) {
                s0 += BFloat16.toFloat(bf16Weights[base]) * x;
                s1 += BFloat16.toFloat(bf16Weights[base + 1]) * x;
                s2 += BFloat16.toFloat(bf16Weights[base + o2]) * x;
                s3 += BFloat16.toFloat(bf16Weights[base + o3]) * x;
            } else if (floatWeights != null) {
                s0 += floatWeights[base] * x;
                s1 += floatWeights[base + 1] * x;
                s2 += floatWeights[base + o2] * x;
                s3 += floatWeights[base + o3] * x;
            } else {
                s0 += weights[base] * x;
                s1 += weights[base + 1] * x;
                s2 += weights[base + o2] * x;
                s3 += weights[base + o3] * x;
            }
        }
        double[] sums = {s0, s1, s2, s3};
        double scale = knownUnitLength && squares > 0 ? 1.0 / Math.sqrt(squares) : 1.0;
        for (int k = 0; k < n; k++) {
            out[k] = sums[k] * scale + bias[k];
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
        java.util.Objects.checkIndex(bucket, known.buckets());
        int r = known.rank(bucket);
        if (r < 0) {
            return 0.0;
        }
        if (rowStart != null) {
            for (int e = rowStart[r], end = rowStart[r + 1]; e < end && sparseLabel[e] <= label; e++) {
                if (sparseLabel[e] == label) {
                    return sparseWeight[e];
                }
            }
            return 0.0;
        }
        int i = r * labels.size() + label;
        return weights != null ? weights[i] : floatWeights != null ? floatWeights[i] : BFloat16.toFloat(bf16Weights[i]);
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

    /** @return the row of each bucket, {@link #UNKNOWN} for buckets the model does not know (a new array) */
    int[] rowOfBucket() {
        int[] rowOf = new int[known.buckets()];
        java.util.Arrays.fill(rowOf, UNKNOWN);
        int[] members = known.members();
        for (int r = 0; r < members.length; r++) {
            rowOf[members[r]] = r;
        }
        return rowOf;
    }

    /** @return the bucket of each weight row, in row order (a new array) */
    int[] bucketOfRow() {
        return known.members();
    }

    /** @return the double weights, the array itself, or null (for {@link ScorerCodec} only) */
    double[] doubleWeights() {
        return weights;
    }

    /**
     * @return the float weights, rows x labels: the array itself, a dense copy when {@link #sparse()} or for
     *         bfloat16 weights, or null for double weights (for {@link ScorerCodec} only)
     */
    float[] floatWeights() {
        if (bf16Weights != null) {
            float[] f = new float[bf16Weights.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = BFloat16.toFloat(bf16Weights[i]);
            }
            return f;
        }
        if (rowStart == null) {
            return floatWeights;
        }
        int n = labels.size();
        float[] dense = new float[Math.multiplyExact(rows, n)];
        for (int r = 0; r < rows; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                dense[r * n + sparseLabel[e]] = sparseWeight[e];
            }
        }
        return dense;
    }

    /** @return the biases, the array itself (for {@link ScorerCodec} only) */
    double[] bias() {
        return bias;
    }

    @Override
    public String toString() {
        return "LinearScorer[" + modelType + ", " + labels.size() + " labels, " + rows + " of " + known.buckets()
                + " buckets known, " + precision() + (sparse() ? ", sparse " + storedWeights() + " weights" : "")
                + (knownUnitLength ? ", unit length over known buckets" : "") + ", " + link + "]";
    }
}
