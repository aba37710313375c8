package dev.slant.inference.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The featurizer's idf values, stored exactly and compactly. Idf depends only on a bucket's document
 * frequency, so a model has a few thousand distinct values over a million buckets, most of them zero (dropped
 * by min_df). The encoding keeps a table of the distinct non-zero values (exact doubles) and, for each non-zero
 * bucket, the gap from the previous one and its index in the table, both as unsigned LEB128 varints:
 *
 * <pre>
 * int   magic 'SIDF'     int version (1)      int buckets
 * int   distinct values  double[distinct] values, ascending
 * int   non-zero buckets (varint gap, varint table index)[non-zero buckets]
 * </pre>
 *
 * Decoding gives back the same doubles bit for bit.
 */
public final class IdfCodec {
    /** The first four bytes: "SIDF". */
    public static final int MAGIC = 0x53494446;
    /** The encoding's version. */
    public static final int VERSION = 1;

    private IdfCodec() {
    }

    /**
     * @param idf idf per bucket (finite; zero for dropped buckets)
     * @return the encoding
     * @throws IllegalArgumentException if a value is not finite
     */
    public static byte[] encode(double[] idf) {
        double[] distinct = Arrays.stream(idf).filter(v -> v != 0.0).distinct().sorted().toArray();
        int nonZero = 0;
        for (double v : idf) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("idf value " + v + " is not finite");
            }
            nonZero += v != 0.0 ? 1 : 0;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + distinct.length * 8 + nonZero * 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(idf.length);
            out.writeInt(distinct.length);
            for (double v : distinct) {
                out.writeDouble(v);
            }
            out.writeInt(nonZero);
            int previous = -1;
            for (int b = 0; b < idf.length; b++) {
                if (idf[b] != 0.0) {
                    writeVarint(out, b - previous);
                    writeVarint(out, Arrays.binarySearch(distinct, idf[b]));
                    previous = b;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param encoded the encoding
     * @param buckets the number of buckets the featurizer settings expect
     * @return idf per bucket
     * @throws IllegalArgumentException naming what is wrong if the encoding is malformed or has another bucket count
     */
    public static double[] decode(byte[] encoded, int buckets) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not an idf encoding (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("idf encoding version " + version + " is not supported (this build reads " + VERSION + ")");
            }
            int n = in.readInt();
            if (n != buckets) {
                throw new IllegalArgumentException("idf has " + n + " buckets, the featurizer settings have " + buckets);
            }
            int distinctCount = in.readInt();
            if (distinctCount < 0 || distinctCount > n) {
                throw new IllegalArgumentException("idf table size " + distinctCount + " is out of range");
            }
            double[] distinct = new double[distinctCount];
            for (int i = 0; i < distinctCount; i++) {
                distinct[i] = in.readDouble();
                if (!Double.isFinite(distinct[i]) || distinct[i] == 0.0) {
                    throw new IllegalArgumentException("idf table value " + distinct[i] + " is not a finite non-zero number");
                }
            }
            int nonZero = in.readInt();
            if (nonZero < 0 || nonZero > n) {
                throw new IllegalArgumentException("idf non-zero count " + nonZero + " is out of range");
            }
            double[] idf = new double[n];
            long bucket = -1;
            for (int i = 0; i < nonZero; i++) {
                bucket += readVarint(in);
                int index = readVarint(in);
                if (bucket >= n) {
                    throw new IllegalArgumentException("idf bucket " + bucket + " is outside " + n + " buckets");
                }
                if (index >= distinctCount) {
                    throw new IllegalArgumentException("idf table index " + index + " is outside the table of " + distinctCount);
                }
                idf[(int) bucket] = distinct[index];
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("idf encoding has bytes after its last bucket");
            }
            return idf;
        } catch (EOFException e) {
            throw new IllegalArgumentException("idf encoding ends early", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    private static void writeVarint(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v <= 0 && shift > 0) {
                    throw new IllegalArgumentException("idf varint out of range");
                }
                return v;
            }
        }
        throw new IllegalArgumentException("idf varint longer than 5 bytes");
    }
}
