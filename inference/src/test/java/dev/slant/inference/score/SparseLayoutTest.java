package dev.slant.inference.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.features.FeatureVector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A pruned wide model's scorer keeps only its non-zero weights and scores exactly as the dense layout does. */
class SparseLayoutTest {
    private static final int BUCKETS = 1 << 12;
    private static final int KNOWN = 900;

    /** Rows in shuffled bucket order (the scorer reorders them), a given share of the weights non-zero. */
    private static LinearScorer scorer(int labels, double nonZeroShare, boolean asFloats, long seed) {
        Random random = new Random(seed);
        List<Integer> buckets = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            buckets.add(b);
        }
        Collections.shuffle(buckets, random);
        int[] rowOfBucket = new int[BUCKETS];
        Arrays.fill(rowOfBucket, LinearScorer.UNKNOWN);
        for (int r = 0; r < KNOWN; r++) {
            rowOfBucket[buckets.get(r)] = r;
        }
        float[] fw = new float[KNOWN * labels];
        for (int i = 0; i < fw.length; i++) {
            fw[i] = random.nextDouble() < nonZeroShare ? (float) random.nextGaussian() : 0f;
        }
        double[] bias = new double[labels];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < labels; k++) {
            bias[k] = random.nextGaussian();
            names.add("label" + k);
        }
        if (asFloats) {
            return new LinearScorer("test", names, rowOfBucket, null, fw, bias, ProbabilityLink.SOFTMAX_OF_MARGINS);
        }
        double[] dw = new double[fw.length];
        for (int i = 0; i < fw.length; i++) {
            dw[i] = fw[i];
        }
        return new LinearScorer("test", names, rowOfBucket, dw, null, bias, ProbabilityLink.SOFTMAX_OF_MARGINS);
    }

    private static List<FeatureVector> vectors(long seed) {
        Random random = new Random(seed);
        List<FeatureVector> out = new ArrayList<>();
        out.add(new FeatureVector(new int[0], new double[0]));
        for (int v = 0; v < 50; v++) {
            int[] idx = random.ints(40 + random.nextInt(400), 0, BUCKETS).sorted().distinct().toArray();
            double[] val = random.doubles(idx.length, -1, 1).toArray();
            out.add(new FeatureVector(idx, val));
        }
        return out;
    }

    @Test
    void aPrunedWideModelIsSparseAndScoresBitForBitAsDense() throws IOException {
        LinearScorer sparse = scorer(108, 0.2, true, 7);
        LinearScorer dense = scorer(108, 0.2, false, 7);
        assertTrue(sparse.sparse(), sparse.toString());
        assertFalse(dense.sparse(), "double weights stay dense");
        long nonZero = 0;
        for (int b = 0; b < BUCKETS; b++) {
            for (int k = 0; k < 108; k++) {
                assertEquals(dense.weight(b, k), sparse.weight(b, k), 0.0, "bucket " + b + " label " + k);
                nonZero += dense.weight(b, k) != 0 ? 1 : 0;
            }
        }
        assertEquals(nonZero, sparse.storedWeights());
        assertEquals((long) KNOWN * 108, dense.storedWeights());
        long denseFloatWeights = 16 + 4L * KNOWN * 108;
        long sparseWeights = 16 + 4L * (KNOWN + 1) + 16 + 2L * nonZero + 16 + 4L * nonZero;
        assertEquals(LinearScorer.arrayBytes(BUCKETS, KNOWN, 108, WeightPrecision.FLOAT) - denseFloatWeights + sparseWeights,
                sparse.arrayBytes());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScorerCodec.write(sparse, bytes);
        LinearScorer decoded = ScorerCodec.read(new ByteArrayInputStream(bytes.toByteArray()), BUCKETS);
        LinearScorer widened = sparse.withPrecision(WeightPrecision.DOUBLE);
        assertTrue(decoded.sparse(), "the codec stores it dense; reading makes it sparse again");
        assertFalse(sparse.fitsIn(WeightPrecision.BFLOAT16), "Gaussian floats are not bfloat16 values");
        assertTrue(sparse.fitsIn(WeightPrecision.FLOAT) && sparse.fitsIn(WeightPrecision.DOUBLE));
        LinearScorer half = sparse.withPrecision(WeightPrecision.BFLOAT16);
        assertFalse(half.sparse(), "bfloat16 weights are dense");
        assertTrue(half.fitsIn(WeightPrecision.BFLOAT16));
        for (int b = 0; b < BUCKETS; b++) {
            for (int k = 0; k < 108; k++) {
                assertEquals(BFloat16.rounded(sparse.weight(b, k)), half.weight(b, k), 0.0, "bucket " + b + " label " + k);
            }
        }
        for (FeatureVector v : vectors(11)) {
            double[] want = new double[108];
            int known = dense.decisionValues(v, want);
            for (LinearScorer s : List.of(sparse, decoded, widened)) {
                double[] got = new double[108];
                assertEquals(known, s.decisionValues(v, got));
                assertArrayEquals(want, got, "decision values equal the dense layout's bit for bit: " + s);
            }
        }
    }

    @Test
    void narrowOrDenserModelsStayDense() {
        assertFalse(scorer(LinearScorer.SPARSE_MIN_LABELS - 1, 0.05, true, 3).sparse(), "a row of 15 floats fits a cache line");
        assertTrue(scorer(LinearScorer.SPARSE_MIN_LABELS, 0.05, true, 3).sparse());
        assertFalse(scorer(40, 0.45, true, 3).sparse(), "45% non-zero");
        assertFalse(scorer(40, 1.0, true, 3).sparse());
    }
}
