package dev.slant.inference.score;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import de.bwaldvogel.liblinear.SolverType;
import dev.slant.inference.model.FeatureNames;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.tribuo.CategoricalIDInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.RealIDInfo;
import org.tribuo.protos.core.CategoricalIDInfoProto;
import org.tribuo.protos.core.OutputDomainProto;
import org.tribuo.protos.core.RealIDInfoProto;
import org.tribuo.protos.core.VariableInfoProto;

/**
 * Builds the {@link LinearScorer} of a Tribuo LibLinear classification model straight from its protobuf bytes as
 * a stream, in one pass and without building the model or holding the protobuf: the feature domain gives each
 * feature's bucket (one small message at a time), the output domain the labels, and the weights of the Java
 * serialized LibLinear model inside ({@link LibLinearObjectStream}) go straight into the scorer's array. The heap
 * needed is the scorer's own arrays. The arithmetic is LibLinear's {@code predictValues}, as in
 * {@link TribuoLinearScorers} (which builds the same scorer from a parsed protobuf): binary models keep one
 * weight vector and the second label's column is its negation; Tribuo's bias feature is the last feature id.
 *
 * <p>Protobuf layout walked (Tribuo 4.3): {@code ModelProto{version=1, class_name=2, serialized_data=3: Any{
 * value=2: LibLinearModelProto{metadata=1: ModelDataProto{feature_domain=4: FeatureDomainProto{class_name=2,
 * serialized_data=3: Any{value=2: ImmutableFeatureMapProto{info=1*}}}, output_domain=5}, models=2}}}}}.
 */
public final class StreamedLibLinearScorer {
    private static final int CHUNK = 1 << 16;

    private StreamedLibLinearScorer() {
    }

    /**
     * @param modelType a Tribuo model class name
     * @return whether {@link #read} reads such models
     */
    public static boolean reads(String modelType) {
        return TribuoLinearScorers.LIBLINEAR.equals(modelType);
    }

    /**
     * Reads a scorer; the stream is read to the end of the model message (the caller drains and closes it).
     *
     * @param stream    a {@value TribuoLinearScorers#LIBLINEAR} in Tribuo's protobuf form
     * @param buckets   the featurizer's buckets
     * @param precision how the scorer stores its weights (built directly at that precision)
     * @return the scorer
     * @throws IOException              if reading fails or the protobuf is malformed or ends early
     * @throws IllegalArgumentException naming what is wrong if the model is not a LibLinear classifier this
     *                                  scorer can reproduce, or its features are not bucket names within {@code buckets}
     */
    public static LinearScorer read(InputStream stream, int buckets, WeightPrecision precision) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(stream);
        in.setSizeLimit(Integer.MAX_VALUE);
        State s = new State(buckets, precision);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                int version = in.readInt32();
                if (version != 0) {
                    throw new IllegalArgumentException("protobuf version " + version + " is not supported (this build reads version 0)");
                }
            } else if (field == 2 && isMessage(tag)) {
                String className = in.readStringRequireUtf8();
                if (!reads(className)) {
                    throw new IllegalArgumentException("the model is a " + className + ", not a " + TribuoLinearScorers.LIBLINEAR);
                }
                s.className = className;
            } else if (field == 3 && isMessage(tag)) {
                if (s.className == null) {
                    throw new IllegalArgumentException("the model's data comes before its class name");
                }
                inside(in, () -> message(in, (f, t) -> {
                    if (f == 2 && isMessage(t)) {
                        inside(in, () -> libLinearModel(in, s));
                        return true;
                    }
                    return false;
                }));
            } else {
                in.skipField(tag);
            }
        }
        if (s.scorer == null) {
            throw new IllegalArgumentException(s.className == null ? "the protobuf has no model class name" : "the protobuf holds no LibLinear model");
        }
        return s.scorer;
    }

    /** What is known so far. */
    private static final class State {
        final int buckets;
        final WeightPrecision precision;
        String className;
        List<String> labels;
        int[] bucketOfFeature;
        LinearScorer scorer;

        State(int buckets, WeightPrecision precision) {
            this.buckets = buckets;
            this.precision = precision;
        }
    }

    @FunctionalInterface
    private interface Body {
        void read() throws IOException;
    }

    @FunctionalInterface
    private interface FieldReader {
        /** @return whether the field was read (else it is skipped) */
        boolean read(int field, int tag) throws IOException;
    }

    private static boolean isMessage(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    /** Reads a length-delimited field's content with {@code body}, then skips what the body left. */
    private static void inside(CodedInputStream in, Body body) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        body.read();
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(limit);
    }

    /** Reads the fields of the current message up to its limit, skipping those {@code reader} does not read. */
    private static void message(CodedInputStream in, FieldReader reader) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (!reader.read(WireFormat.getTagFieldNumber(tag), tag)) {
                in.skipField(tag);
            }
        }
    }

    private static void libLinearModel(CodedInputStream in, State s) throws IOException {
        message(in, (field, tag) -> {
            if (field == 1 && isMessage(tag)) {
                inside(in, () -> metadata(in, s));
                return true;
            }
            if (field == 2 && isMessage(tag)) {
                if (s.scorer != null) {
                    throw new IllegalArgumentException("expected 1 LibLinear model, found more");
                }
                if (s.labels == null || s.bucketOfFeature == null) {
                    throw new IllegalArgumentException("the LibLinear weights come before the model's feature and output domains");
                }
                int length = in.readRawVarint32();
                int limit = in.pushLimit(length);
                s.scorer = weights(in, s);
                if (in.getBytesUntilLimit() != 0) {
                    throw new IllegalArgumentException("serialized LibLinear model: " + in.getBytesUntilLimit() + " bytes after the weights");
                }
                in.popLimit(limit);
                return true;
            }
            return false;
        });
    }

    private static void metadata(CodedInputStream in, State s) throws IOException {
        message(in, (field, tag) -> {
            if (field == 4 && isMessage(tag)) {
                inside(in, () -> featureDomain(in, s));
                return true;
            }
            if (field == 5 && isMessage(tag)) {
                s.labels = labels(OutputDomainProto.parseFrom(in.readBytes()));
                return true;
            }
            return false;
        });
        if (s.bucketOfFeature == null) {
            throw new IllegalArgumentException("the model has no feature domain");
        }
        if (s.labels == null) {
            throw new IllegalArgumentException("the model has no output domain");
        }
    }

    private static List<String> labels(OutputDomainProto domain) {
        return TribuoModelHeader.labels(domain);
    }

    private static void featureDomain(CodedInputStream in, State s) throws IOException {
        IdTable table = new IdTable();
        message(in, (field, tag) -> {
            if (field == 2 && isMessage(tag)) {
                String className = in.readStringRequireUtf8();
                if (!className.equals(ImmutableFeatureMap.class.getName())) {
                    throw new IllegalArgumentException("the feature domain is a " + className + ", not an " + ImmutableFeatureMap.class.getName());
                }
                return true;
            }
            if (field == 3 && isMessage(tag)) {
                // Any{value=2: ImmutableFeatureMapProto{info=1*}}
                inside(in, () -> message(in, (f, t) -> {
                    if (f == 2 && isMessage(t)) {
                        inside(in, () -> message(in, (f2, t2) -> {
                            if (f2 == 1 && isMessage(t2)) {
                                feature(VariableInfoProto.parseFrom(in.readBytes()), s.buckets, table);
                                return true;
                            }
                            return false;
                        }));
                        return true;
                    }
                    return false;
                }));
                return true;
            }
            return false;
        });
        s.bucketOfFeature = table.finish();
    }

    private static void feature(VariableInfoProto info, int buckets, IdTable table) throws InvalidProtocolBufferException {
        String className = info.getClassName();
        String name;
        int id;
        if (className.equals(RealIDInfo.class.getName())) {
            RealIDInfoProto p = info.getSerializedData().unpack(RealIDInfoProto.class);
            name = p.getName();
            id = p.getId();
        } else if (className.equals(CategoricalIDInfo.class.getName())) {
            CategoricalIDInfoProto p = info.getSerializedData().unpack(CategoricalIDInfoProto.class);
            name = p.getName();
            id = p.getId();
        } else {
            throw new IllegalArgumentException("feature info of class " + className + " is not supported");
        }
        int bucket;
        try {
            bucket = FeatureNames.bucket(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature " + name + " is not a bucket name", e);
        }
        if (bucket < 0 || bucket >= buckets) {
            throw new IllegalArgumentException("feature " + name + " is outside the featurizer's " + buckets + " buckets");
        }
        table.put(id, bucket, name);
    }

    /** Buckets by feature id, growing as features arrive. */
    private static final class IdTable {
        private int[] bucketOfId = filled(1024);
        private int size;
        private int maxId = -1;

        void put(int id, int bucket, String name) {
            if (id < 0) {
                throw new IllegalArgumentException("feature " + name + " has a negative id " + id);
            }
            if (id >= bucketOfId.length) {
                int old = bucketOfId.length;
                bucketOfId = Arrays.copyOf(bucketOfId, Math.max(id + 1, old * 2));
                Arrays.fill(bucketOfId, old, bucketOfId.length, -1);
            }
            if (bucketOfId[id] != -1) {
                throw new IllegalArgumentException("feature id " + id + " appears twice");
            }
            bucketOfId[id] = bucket;
            size++;
            maxId = Math.max(maxId, id);
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }

        int[] finish() {
            if (maxId + 1 != size) {
                throw new IllegalArgumentException("feature ids are not 0.." + (size - 1) + " (the largest is " + maxId + ")");
            }
            return Arrays.copyOf(bucketOfId, size);
        }
    }

    /** Reads the serialized LibLinear model up to the current limit: its header, then its weights straight from {@code in}. */
    private static LinearScorer weights(CodedInputStream in, State s) throws IOException {
        LibLinearObjectStream.Header h;
        try {
            // DataInputStream does not read ahead, so the weights are next in {@code in} after the header.
            h = LibLinearObjectStream.readHeader(new DataInputStream(new Region(in)));
        } catch (EOFException e) {
            throw new IllegalArgumentException("serialized LibLinear model ends early", e);
        }
        String type = TribuoLinearScorers.LIBLINEAR;
        int n = s.labels.size();
        int[] classes = h.labels();
        if (h.nrClass() != n || classes.length != n) {
            throw new IllegalArgumentException(type + ": LibLinear saw " + h.nrClass() + " of the " + n + " labels " + s.labels
                    + "; a model must be trained on examples of every label");
        }
        boolean[] seen = new boolean[n];
        for (int c : classes) {
            if (c < 0 || c >= n || seen[c]) {
                throw new IllegalArgumentException(type + ": LibLinear's label ids " + Arrays.toString(classes) + " are not a permutation of 0.." + (n - 1));
            }
            seen[c] = true;
        }
        SolverType solver = h.solverType();
        if (solver.isSupportVectorRegression() || solver.isOneClass()) {
            throw new IllegalArgumentException(type + ": solver " + solver + " is not a classifier");
        }
        double libBias = h.bias();
        if (libBias >= 0 && libBias != 1.0) {
            throw new IllegalArgumentException(type + ": LibLinear bias " + libBias + " is not supported (Tribuo uses 1)");
        }
        int nrW = n == 2 && solver != SolverType.MCSVM_CS ? 1 : n;
        long expected = ((long) h.nrFeature() + (libBias >= 0 ? 1 : 0)) * nrW;
        if (h.nrFeature() < 0 || h.weights() != expected) {
            throw new IllegalArgumentException(type + ": LibLinear weight array has " + h.weights() + " values, expected " + expected
                    + " for " + h.nrFeature() + " features and " + nrW + " weight vectors");
        }
        int features = s.bucketOfFeature.length;
        int nrFeature = h.nrFeature();
        // LibLinear reads feature index j + 1 only when j < nr_feature; Tribuo's bias feature (id = features) is read
        // as a plain feature when it is within nr_feature, else from LibLinear's bias slot, scaled by its bias (1 or 0).
        boolean biasRead = features < nrFeature || libBias > 0;
        // Rows in bucket order (a row is its bucket's rank among the known ones), as LinearScorer keeps them, so that
        // it takes the arrays as they are instead of copying them.
        int[] rowOfBucket = new int[s.buckets];
        Arrays.fill(rowOfBucket, LinearScorer.UNKNOWN);
        for (int j = 0; j < features; j++) {
            if (rowOfBucket[s.bucketOfFeature[j]] != LinearScorer.UNKNOWN) {
                throw new IllegalArgumentException("bucket " + s.bucketOfFeature[j] + " names two features");
            }
            rowOfBucket[s.bucketOfFeature[j]] = 0;
        }
        for (int b = 0, rank = 0; b < s.buckets; b++) {
            if (rowOfBucket[b] != LinearScorer.UNKNOWN) {
                rowOfBucket[b] = rank++;
            }
        }
        int[] rowOfFeature = new int[features];
        for (int j = 0; j < features; j++) {
            rowOfFeature[j] = rowOfBucket[s.bucketOfFeature[j]];
        }
        double[] dw = s.precision == WeightPrecision.DOUBLE ? new double[Math.multiplyExact(features, n)] : null;
        float[] fw = s.precision == WeightPrecision.FLOAT ? new float[Math.multiplyExact(features, n)] : null;
        short[] hw = s.precision == WeightPrecision.BFLOAT16 ? new short[Math.multiplyExact(features, n)] : null;
        double[] bias = new double[n];
        int total = h.weights();
        int p = 0;
        try {
            for (; p < total; p++) {
                // Java serialization writes doubles big-endian.
                double v = Double.longBitsToDouble(Long.reverseBytes(in.readRawLittleEndian64()));
                int feature = p / nrW;
                int c = p - feature * nrW;
                if (feature < features && feature < nrFeature) {
                    int at = rowOfFeature[feature] * n;
                    if (nrW == 1) {
                        put(dw, fw, hw, at + classes[0], v);
                        put(dw, fw, hw, at + classes[1], -v);
                    } else {
                        put(dw, fw, hw, at + classes[c], v);
                    }
                } else if (feature == features && biasRead) {
                    if (nrW == 1) {
                        bias[classes[0]] = v;
                        bias[classes[1]] = -v;
                    } else {
                        bias[classes[c]] = v;
                    }
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("serialized LibLinear model ends after " + p + " of its " + total + " weights", e);
        }
        ProbabilityLink link = solver.isLogisticRegressionSolver() ? ProbabilityLink.ONE_VS_REST_LOGISTIC : ProbabilityLink.SOFTMAX_OF_MARGINS;
        return new LinearScorer(type, s.labels, rowOfBucket, dw, fw, hw, bias, link);
    }

    private static void put(double[] dw, float[] fw, short[] hw, int index, double v) {
        if (dw != null) {
            dw[index] = v;
        } else if (fw != null) {
            fw[index] = (float) v;
        } else {
            hw[index] = BFloat16.round(v);
        }
    }

    /** The bytes up to a {@link CodedInputStream}'s current limit, as an input stream. */
    private static final class Region extends InputStream {
        private final CodedInputStream in;

        Region(CodedInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.getBytesUntilLimit() == 0 ? -1 : in.readRawByte() & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int left = in.getBytesUntilLimit();
            if (len == 0) {
                return 0;
            }
            if (left == 0) {
                return -1;
            }
            int n = Math.min(len, Math.min(left, CHUNK));
            System.arraycopy(in.readRawBytes(n), 0, b, off, n);
            return n;
        }
    }
}
