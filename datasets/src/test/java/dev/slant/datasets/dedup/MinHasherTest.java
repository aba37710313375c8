package dev.slant.datasets.dedup;

import dev.slant.datasets.Hashing;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MinHasherTest {
    private static long[] hashes(int from, int to) {
        return LongStream.range(from, to).map(Hashing::fmix64).toArray();
    }

    @Test
    void sameSeedSameSignatureOtherSeedOtherSignature() {
        long[] set = hashes(0, 500);
        assertArrayEquals(new MinHasher(64, 7).signature(set), new MinHasher(64, 7).signature(set));
        assertFalse(Arrays.equals(new MinHasher(64, 7).signature(set), new MinHasher(64, 8).signature(set)));
    }

    @Test
    void orderAndRepetitionDoNotMatter() {
        MinHasher m = new MinHasher(32, 1);
        long a = Hashing.fmix64(1);
        long b = Hashing.fmix64(2);
        long c = Hashing.fmix64(3);
        assertArrayEquals(m.signature(new long[] {a, b, c}), m.signature(new long[] {c, a, b, b, c}));
    }

    @Test
    void estimatesJaccardSimilarity() {
        MinHasher m = new MinHasher(256, DedupSettings.DEFAULT_SEED);
        int[] all = m.signature(hashes(0, 1000));
        assertEquals(1.0, MinHasher.similarity(all, m.signature(hashes(0, 1000))));
        assertEquals(0.0, MinHasher.similarity(all, m.signature(hashes(5000, 6000))));
        // true Jaccard 900 / 1100 = 0.818; standard error at 256 values 0.024
        double estimate = MinHasher.similarity(all, m.signature(hashes(100, 1100)));
        assertEquals(900.0 / 1100, estimate, 0.07, "estimate " + estimate);
    }

    @Test
    void writesIntoALargerArray() {
        MinHasher m = new MinHasher(4, 3);
        int[] out = new int[6];
        m.signature(hashes(0, 10), out, 2);
        assertArrayEquals(m.signature(hashes(0, 10)), Arrays.copyOfRange(out, 2, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> m.signature(hashes(0, 10), out, 3));
    }

    @Test
    void rejectsBadArguments() {
        assertEquals("number of MinHash functions must be 1 to 4096, got 0",
                assertThrows(IllegalArgumentException.class, () -> new MinHasher(0, 1)).getMessage());
        assertEquals("the MinHash signature of an empty set is undefined",
                assertThrows(IllegalArgumentException.class, () -> new MinHasher(2, 1).signature(new long[0]))
                        .getMessage());
        assertEquals("signatures must be non-empty and of one length, got 2 and 3",
                assertThrows(IllegalArgumentException.class,
                        () -> MinHasher.similarity(new int[2], new int[3])).getMessage());
    }
}
