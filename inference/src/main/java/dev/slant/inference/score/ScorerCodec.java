package dev.slant.inference.score;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link LinearScorer}'s arrays as bytes, so that a bundle loads its scorers without materializing the Tribuo
 * models (whose feature domains alone take more heap than the weights). Big-endian:
 *
 * <pre>
 * int magic 'SLSC'   int version (1)
 * UTF model type     UTF link      UTF precision
 * int labels         UTF[labels]
 * int buckets        int rows      int[rows] bucket of each row
 * double[labels] biases            (double|float)[rows * labels] weights, row-major (bfloat16 scorers as floats)
 * </pre>
 */
public final class ScorerCodec {
    /** The first four bytes: "SLSC". */
    public static final int MAGIC = 0x534C5343;
    /** The encoding's version. */
    public static final int VERSION = 1;

    private static final int CHUNK = 1 << 16;

    private ScorerCodec() {
    }

    /**
     * Writes a scorer.
     *
     * @param scorer the scorer
     * @param stream where to write (not closed)
     * @throws IOException if writing fails
     */
    public static void write(LinearScorer scorer, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(scorer.modelType());
        out.writeUTF(scorer.link().name());
        out.writeUTF(scorer.precision().name());
        out.writeInt(scorer.labels().size());
        for (String label : scorer.labels()) {
            out.writeUTF(label);
        }
        int[] bucketOfRow = scorer.bucketOfRow();
        out.writeInt(scorer.buckets());
        out.writeInt(bucketOfRow.length);
        for (int b : bucketOfRow) {
            out.writeInt(b);
        }
        for (double v : scorer.bias()) {
            out.writeDouble(v);
        }
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        if (scorer.precision() == WeightPrecision.DOUBLE) {
            for (double w : scorer.doubleWeights()) {
                if (buf.remaining() < 8) {
                    flush(buf, out);
                }
                buf.putDouble(w);
            }
        } else {
            for (float w : scorer.floatWeights()) {
                if (buf.remaining() < 4) {
                    flush(buf, out);
                }
                buf.putFloat(w);
            }
        }
        flush(buf, out);
        out.flush();
    }

    private static void flush(ByteBuffer buf, DataOutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    /**
     * Reads a scorer.
     *
     * @param stream  the encoding (read to its end)
     * @param buckets the featurizer's buckets, which the scorer must have
     * @return the scorer
     * @throws IOException              if reading fails
     * @throws IllegalArgumentException naming what is wrong if the encoding is malformed
     */
    public static LinearScorer read(InputStream stream, int buckets) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a scorer encoding (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("scorer encoding version " + version + " is not supported (this build reads " + VERSION + ")");
            }
            String modelType = in.readUTF();
            ProbabilityLink link = ProbabilityLink.valueOf(in.readUTF());
            WeightPrecision precision = WeightPrecision.valueOf(in.readUTF());
            int n = in.readInt();
            if (n < 2 || n > 1 << 16) {
                throw new IllegalArgumentException("scorer label count " + n + " is out of range");
            }
            List<String> labels = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                labels.add(in.readUTF());
            }
            int b = in.readInt();
            if (b != buckets) {
                throw new IllegalArgumentException("scorer has " + b + " buckets, the featurizer settings have " + buckets);
            }
            int rows = in.readInt();
            if (rows < 0 || rows > buckets || (long) rows * n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("scorer row count " + rows + " is out of range");
            }
            int[] rowOfBucket = new int[buckets];
            Arrays.fill(rowOfBucket, LinearScorer.UNKNOWN);
            for (int r = 0; r < rows; r++) {
                int bucket = in.readInt();
                if (bucket < 0 || bucket >= buckets || rowOfBucket[bucket] != LinearScorer.UNKNOWN) {
                    throw new IllegalArgumentException("scorer row " + r + " has bucket " + bucket + ", out of range or repeated");
                }
                rowOfBucket[bucket] = r;
            }
            double[] bias = new double[n];
            for (int k = 0; k < n; k++) {
                bias[k] = in.readDouble();
            }
            int count = rows * n;
            byte[] chunk = new byte[CHUNK];
            LinearScorer scorer;
            if (precision == WeightPrecision.DOUBLE) {
                double[] w = new double[count];
                for (int i = 0; i < count; ) {
                    int m = Math.min(CHUNK / 8, count - i);
                    in.readFully(chunk, 0, m * 8);
                    ByteBuffer.wrap(chunk, 0, m * 8).asDoubleBuffer().get(w, i, m);
                    i += m;
                }
                scorer = new LinearScorer(modelType, labels, rowOfBucket, w, null, bias, link);
            } else {
                float[] w = new float[count];
                for (int i = 0; i < count; ) {
                    int m = Math.min(CHUNK / 4, count - i);
                    in.readFully(chunk, 0, m * 4);
                    ByteBuffer.wrap(chunk, 0, m * 4).asFloatBuffer().get(w, i, m);
                    i += m;
                }
                scorer = new LinearScorer(modelType, labels, rowOfBucket, null, w, bias, link);
                if (precision == WeightPrecision.BFLOAT16) {
                    // Written as floats that are bfloat16 exactly: converting loses nothing.
                    scorer = scorer.withPrecision(precision);
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("scorer encoding has bytes after its last weight");
            }
            return scorer;
        } catch (EOFException e) {
            throw new IllegalArgumentException("scorer encoding ends early", e);
        }
    }
}
