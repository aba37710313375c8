package dev.slant.inference.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.InverseDocumentFrequency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdfCodecTest {

    /** Idf as the featurizer fits it: 2^16 buckets, 2,000 documents of 150 Zipf-ish features, min_df 2. */
    static double[] fittedIdf() {
        Random random = new Random(5);
        int buckets = 1 << 16;
        List<FeatureVector> docs = new ArrayList<>();
        for (int d = 0; d < 2000; d++) {
            int[] idx = random.ints(150, 0, buckets).map(b -> (int) ((long) b * b / buckets)).distinct().sorted().toArray();
            double[] val = new double[idx.length];
            Arrays.fill(val, 1.0);
            docs.add(new FeatureVector(idx, val));
        }
        return InverseDocumentFrequency.fit(docs, buckets, 2);
    }

    @Test
    void decodesTheSameDoublesBitForBit() {
        double[] idf = fittedIdf();
        byte[] encoded = IdfCodec.encode(idf);
        double[] back = IdfCodec.decode(encoded, idf.length);
        assertEquals(idf.length, back.length);
        for (int b = 0; b < idf.length; b++) {
            assertEquals(Double.doubleToRawLongBits(idf[b]), Double.doubleToRawLongBits(back[b]), "bucket " + b);
        }
        long nonZero = Arrays.stream(idf).filter(v -> v != 0).count();
        assertTrue(nonZero > 1000 && nonZero < idf.length, "a realistic mix of kept and dropped buckets: " + nonZero);
        // A table of distinct values plus about 3 bytes per kept bucket, against 8 bytes per bucket dense.
        assertTrue(encoded.length < 24 + 8 * 2000 + 4 * nonZero, "encoded " + encoded.length + " bytes");
    }

    @Test
    void allZeroAndTinyVectorsRoundTrip() {
        assertArrayEquals(new double[7], IdfCodec.decode(IdfCodec.encode(new double[7]), 7));
        double[] one = {0, 0, 2.5};
        assertArrayEquals(one, IdfCodec.decode(IdfCodec.encode(one), 3));
    }

    @Test
    void malformedEncodingsAreNamed() {
        byte[] ok = IdfCodec.encode(new double[] {1.5, 0, 2.5, 1.5});
        assertEquals("idf has 4 buckets, the featurizer settings have 8",
                assertThrows(IllegalArgumentException.class, () -> IdfCodec.decode(ok, 8)).getMessage());
        byte[] bad = ok.clone();
        bad[0] = 'X';
        assertEquals("not an idf encoding (bad magic)",
                assertThrows(IllegalArgumentException.class, () -> IdfCodec.decode(bad, 4)).getMessage());
        assertEquals("idf encoding ends early",
                assertThrows(IllegalArgumentException.class, () -> IdfCodec.decode(Arrays.copyOf(ok, ok.length - 1), 4)).getMessage());
        byte[] longer = Arrays.copyOf(ok, ok.length + 1);
        assertEquals("idf encoding has bytes after its last bucket",
                assertThrows(IllegalArgumentException.class, () -> IdfCodec.decode(longer, 4)).getMessage());
        assertEquals("idf value NaN is not finite",
                assertThrows(IllegalArgumentException.class, () -> IdfCodec.encode(new double[] {1, Double.NaN})).getMessage());
    }
}
