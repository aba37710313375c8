package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DedupSettingsTest {

    @Test
    void defaults() {
        DedupSettings d = DedupSettings.DEFAULT;
        assertEquals(new DedupSettings(true, 5, 32, 8, 0.9, DedupSettings.DEFAULT_SEED), d);
        assertEquals(256, d.signatureLength());
        assertFalse(DedupSettings.EXACT_ONLY.nearDuplicates());
        assertEquals(0.8, d.withThreshold(0.8).threshold());
        assertEquals(42L, d.withSeed(42).seed());
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertEquals("near-duplicate threshold must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> DedupSettings.DEFAULT.withThreshold(0))
                        .getMessage());
        assertEquals("near-duplicate threshold must be in (0, 1], got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> DedupSettings.DEFAULT.withThreshold(Double.NaN)).getMessage());
        assertEquals("bands and rows per band must be at least 1 and their product at most 4096, got 64 bands of 65",
                assertThrows(IllegalArgumentException.class,
                        () -> new DedupSettings(true, 5, 64, 65, 0.9, 1)).getMessage());
        assertEquals("shingle words must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new DedupSettings(true, 0, 32, 8, 0.9, 1)).getMessage());
    }
}
