package dev.slant.inference.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Counting by appending and sorting gives each bucket's count, with and without a filter, for documents short and
 * longer than the array of appended buckets (which are then merged into pairs part way), one after another.
 */
class TermCountsTest {
    private static final int BUCKETS = 1 << 20;

    private static int[] document(Random r, int features, int distinct) {
        int[] vocabulary = r.ints(distinct, 0, BUCKETS).toArray();
        int[] doc = new int[features];
        for (int i = 0; i < features; i++) {
            // Skewed, as words are: low ranks repeat often.
            double u = r.nextDouble();
            doc[i] = vocabulary[(int) (u * u * distinct)];
        }
        return doc;
    }

    private static void assertCounts(int[] doc, long[] filter, FeatureVector counts) {
        Map<Integer, Integer> expected = new TreeMap<>();
        for (int b : doc) {
            if (filter == null || (filter[b >>> 6] >>> b & 1L) != 0) {
                expected.merge(b, 1, Integer::sum);
            }
        }
        int[] idx = expected.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] val = expected.values().stream().mapToDouble(Integer::doubleValue).toArray();
        assertArrayEquals(idx, counts.indices());
        assertArrayEquals(val, counts.values());
    }

    @Test
    void countsEveryBucketOfShortAndLongDocuments() {
        Random r = new Random(11);
        long[] filter = new long[BUCKETS / 64];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = r.nextLong() & r.nextLong();
        }
        TermCounts counts = new TermCounts(BUCKETS);
        int[][] docs = {
            document(r, 0, 1), document(r, 40, 30), document(r, 1_500, 700),
            document(r, TermCounts.CAPACITY * 5 + 17, 40_000), document(r, 3, 3), document(r, TermCounts.CAPACITY, 900),
            document(r, TermCounts.CAPACITY + 1, 20_000), document(r, 2_000, 1_000)};
        for (long[] f : new long[][] {null, filter}) {
            counts.keepOnly(f);
            for (int[] doc : docs) {
                for (int b : doc) {
                    counts.feature(b, 0, 1);
                }
                assertCounts(doc, f, counts.drain());
            }
        }
    }
}
