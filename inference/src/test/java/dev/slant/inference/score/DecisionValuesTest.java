package dev.slant.inference.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.inference.features.FeatureVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision values, for models of few labels (summed in local variables) and of more (summed in the output), at every
 * weight precision and with or without the unit-length scaling: each label's sum of weight times value over the known
 * features, in feature order, times the scale, plus the bias, bit for bit.
 */
class DecisionValuesTest {
    private static final int BUCKETS = 1 << 12;

    @ParameterizedTest(name = "{0} labels")
    @ValueSource(ints = {2, 3, 4, 5, 9})
    void equalTheSumsInFeatureOrderBitForBit(int labels) {
        Random random = new Random(17L * labels);
        int[] rowOfBucket = new int[BUCKETS];
        Arrays.fill(rowOfBucket, LinearScorer.UNKNOWN);
        int rows = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (random.nextInt(3) > 0) {
                rowOfBucket[b] = rows++;
            }
        }
        double[] weights = new double[rows * labels];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = BFloat16.rounded(random.nextGaussian());
        }
        double[] bias = random.doubles(labels, -1, 1).toArray();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < labels; k++) {
            names.add("label" + k);
        }
        LinearScorer doubles = new LinearScorer("test", names, rowOfBucket, weights, null, bias,
                ProbabilityLink.SOFTMAX_OF_MARGINS);
        for (WeightPrecision precision : WeightPrecision.values()) {
            for (boolean unitLength : new boolean[] {false, true}) {
                LinearScorer scorer = doubles.withPrecision(precision).withKnownUnitLength(unitLength);
                assertEquals(precision, scorer.precision());
                for (int v = 0; v < 40; v++) {
                    int[] idx = random.ints(v * 10, 0, BUCKETS).sorted().distinct().toArray();
                    FeatureVector features = new FeatureVector(idx, random.doubles(idx.length, -1, 1).toArray());
                    double[] sums = new double[labels];
                    double squares = 0;
                    int known = 0;
                    for (int i = 0; i < idx.length; i++) {
                        int r = rowOfBucket[idx[i]];
                        if (r != LinearScorer.UNKNOWN) {
                            known++;
                            double x = features.values()[i];
                            squares += x * x;
                            for (int k = 0; k < labels; k++) {
                                sums[k] += weights[r * labels + k] * x;
                            }
                        }
                    }
                    double scale = unitLength && squares > 0 ? 1 / Math.sqrt(squares) : 1;
                    double[] expected = new double[labels];
                    for (int k = 0; k < labels; k++) {
                        expected[k] = (scale == 1 ? sums[k] : sums[k] * scale) + bias[k];
                    }
                    double[] actual = new double[labels];
                    assertEquals(known, scorer.decisionValues(features, actual));
                    assertArrayEquals(expected, actual, precision + ", unit length " + unitLength + ", vector " + v);
                }
            }
        }
    }
}
