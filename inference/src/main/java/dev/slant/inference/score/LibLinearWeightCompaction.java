package dev.slant.inference.score;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.protos.core.ImmutableFeatureMapProto;
import org.tribuo.protos.core.ModelProto;

/**
 * Makes a LibLinear model's weights compress well, in the Tribuo model itself (so Tribuo's {@code predict} and
 * the fast scorer keep agreeing): every weight is rounded to the nearest float (a relative change of at most
 * 2^-24, which deflate turns into about 40% fewer bytes; a model rounded to bfloat16 when trained stays so), and
 * optionally only the largest fraction of the feature
 * weights by magnitude are kept, the others set to 0. The bias weights are never pruned. The serialized LibLinear
 * model's bytes are rewritten in place: the header is checked by {@link LibLinearObjectStream} and kept byte for
 * byte, only the weight values change.
 */
public final class LibLinearWeightCompaction {
    private LibLinearWeightCompaction() {
    }

    /**
     * @param model a Tribuo model
     * @return whether {@link #compact} changes models of its type
     */
    public static boolean reads(org.tribuo.Model<?> model) {
        return model instanceof org.tribuo.classification.liblinear.LibLinearClassificationModel;
    }

    /**
     * @param model a {@value TribuoLinearScorers#LIBLINEAR} in Tribuo's protobuf form
     * @param keep  the fraction of feature weights to keep by magnitude, in (0, 1]; 1 keeps them all (rounding only)
     * @return the model with rounded and pruned weights; any other model type is returned as it is
     * @throws IllegalArgumentException if {@code keep} is out of range or the LibLinear model cannot be read
     */
    public static ModelProto compact(ModelProto model, double keep) {
        return compact(model, keep, WeightPrecision.FLOAT);
    }

    /**
     * As {@link #compact(ModelProto, double)}, rounding to another precision: {@link WeightPrecision#BFLOAT16} makes
     * a model whose bundle scorer stores 2 bytes per weight; {@link WeightPrecision#DOUBLE} leaves the values as
     * they are (pruning only).
     *
     * @param model    a {@value TribuoLinearScorers#LIBLINEAR} in Tribuo's protobuf form
     * @param keep     the fraction of feature weights to keep by magnitude, in (0, 1]
     * @param rounding the precision every weight is rounded to
     * @return the model with rounded and pruned weights; any other model type is returned as it is
     * @throws IllegalArgumentException if {@code keep} is out of range or the LibLinear model cannot be read
     */
    public static ModelProto compact(ModelProto model, double keep, WeightPrecision rounding) {
        requireFraction(keep);
        if (!model.getClassName().equals(TribuoLinearScorers.LIBLINEAR)) {
            return model;
        }
        try {
            LibLinearModelProto p = model.getSerializedData().unpack(LibLinearModelProto.class);
            if (p.getModelsCount() != 1) {
                throw new IllegalArgumentException("expected 1 LibLinear model, found " + p.getModelsCount());
            }
            byte[] bytes = p.getModels(0).toByteArray();
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            LibLinearObjectStream.Header h = LibLinearObjectStream.readHeader(in);
            int start = bytes.length - in.available();
            if ((long) h.weights() * 8 != in.available()) {
                throw new IllegalArgumentException("serialized LibLinear model: " + in.available() + " bytes for " + h.weights() + " weights");
            }
            int nrW = h.weights() / Math.max(1, h.nrFeature() + (h.bias() >= 0 ? 1 : 0));
            // Tribuo's features come first; then its bias feature (id = features), as a feature or as LibLinear's bias slot.
            int features = p.getMetadata().getFeatureDomain().getSerializedData().unpack(ImmutableFeatureMapProto.class).getInfoCount();
            int prunable = Math.min(features, h.nrFeature()) * nrW;
            ByteBuffer w = ByteBuffer.wrap(bytes, start, h.weights() * 8).slice();
            double threshold = keep >= 1 ? 0 : threshold(i -> w.getDouble(i * 8), prunable, keep);
            for (int i = 0; i < h.weights(); i++) {
                double v = w.getDouble(i * 8);
                if (i < prunable && Math.abs(v) < threshold) {
                    v = 0;
                }
                w.putDouble(i * 8, rounding.round(v));
            }
            // The array is ours (a copy from toByteArray) and is not changed after this.
            LibLinearModelProto out = p.toBuilder().setModels(0, UnsafeByteOperations.unsafeWrap(bytes)).build();
            return model.toBuilder().setSerializedData(Any.pack(out)).build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(model.getClassName() + ": malformed protobuf: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(model.getClassName() + ": unreadable LibLinear model: " + e, e);
        }
    }

    /**
     * @param keep a fraction of weights to keep
     * @return {@code keep}
     * @throws IllegalArgumentException if {@code keep} is outside (0, 1]
     */
    public static double requireFraction(double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("the fraction of weights to keep must be in (0, 1], got " + keep);
        }
        return keep;
    }

    /**
     * Prunes a LibLinear model's weight array in place exactly as {@link #compact} prunes its serialized form: of
     * the first {@code prunable} weights (the feature weights; the bias weights come after them), those below the
     * {@code (1 - keep)} quantile of their magnitudes are set to 0.
     *
     * @param w        the weights ({@code Model.w}, feature-major)
     * @param prunable how many of them are feature weights (the rest are never pruned)
     * @param keep     the fraction to keep, in (0, 1]; 1 changes nothing
     * @throws IllegalArgumentException if {@code keep} is out of range or {@code prunable} is outside the array
     */
    public static void prune(double[] w, int prunable, double keep) {
        requireFraction(keep);
        if (prunable < 0 || prunable > w.length) {
            throw new IllegalArgumentException(prunable + " prunable weights of " + w.length);
        }
        if (keep >= 1) {
            return;
        }
        double threshold = threshold(i -> w[i], prunable, keep);
        for (int i = 0; i < prunable; i++) {
            if (Math.abs(w[i]) < threshold) {
                w[i] = 0;
            }
        }
    }

    /** The smallest magnitude kept: the (1 - keep) quantile of the first {@code n} weights' magnitudes. */
    private static double threshold(java.util.function.IntToDoubleFunction w, int n, double keep) {
        if (n == 0) {
            return 0;
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(w.applyAsDouble(i));
        }
        Arrays.sort(abs);
        return abs[(int) Math.min(n - 1, Math.floor(n * (1 - keep)))];
    }
}
