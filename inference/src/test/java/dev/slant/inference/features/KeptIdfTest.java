package dev.slant.inference.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link KeptIdf} gives back exactly the doubles it was built from, coded or not. */
class KeptIdfTest {

    private static void assertSameBits(double[] byRank) {
        KeptIdf idf = new KeptIdf(byRank.clone());
        for (int r = 0; r < byRank.length; r++) {
            assertEquals(Double.doubleToRawLongBits(byRank[r]), Double.doubleToRawLongBits(idf.get(r)), "rank " + r);
        }
    }

    @Test
    void fewDistinctValuesAreCodedAndReadBackExactly() {
        // As the featurizer's idf: ln((1 + n) / (1 + df)) + 1 for document frequencies in [2, n].
        Random r = new Random(7);
        int n = 20_000;
        double[] byRank = new double[100_000];
        for (int i = 0; i < byRank.length; i++) {
            int df = 2 + (int) Math.min(n - 2, Math.abs(r.nextGaussian()) * 300);
            byRank[i] = Math.log((1.0 + n) / (1.0 + df)) + 1.0;
        }
        byRank[5] = 1.0000000000000002;
        byRank[6] = 1.0;
        assertSameBits(byRank);
    }

    @Test
    void moreThan65536DistinctValuesAreKeptAsThey() {
        Random r = new Random(8);
        double[] byRank = new double[70_000];
        for (int i = 0; i < byRank.length; i++) {
            byRank[i] = 1.0 + r.nextDouble() * 10;
        }
        assertSameBits(byRank);
    }

    @Test
    void exactly65536DistinctValuesAreCoded() {
        double[] byRank = new double[1 << 16];
        for (int i = 0; i < byRank.length; i++) {
            byRank[byRank.length - 1 - i] = 1.0 + i * 1e-3;
        }
        assertSameBits(byRank);
    }

    @Test
    void noKeptBucket() {
        assertSameBits(new double[0]);
    }
}
