package dev.slant.cli.bench;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchTableTest {
    private static final BenchRow SLANT = new BenchRow("Slant", 20, 20_000, 116, 38_000, 220, 0.04, 0.12,
            900_000_000L, 80_000_000L, 5_000_000L, 0.62);
    private static final BenchRow PEER = new BenchRow("fastText", 186, 2_000, 11.6, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 2_000_000_000L, -1, 500_000_000L, 0.40);

    @Test
    void oneRowPerSystemThenTheRatiosSlantOverEachPeer() {
        String[] lines = BenchTable.render(List.of(SLANT, PEER), 2).split("\n");
        assertEquals(5, lines.length);
        assertEquals("| system | training s | 1 thread articles/s | 1 thread MB/s | 2 threads articles/s | 2 threads MB/s | p50 ms"
                + " | p99 ms | peak memory training | peak memory scoring | bundle | test macro-F1 |", lines[0]);
        assertEquals("| Slant | 20.0 | 20,000 | 116.0 | 38,000 | 220.0 | 0.040 | 0.120 | 900 MB | 80 MB | 5.00 MB | 0.620 |", lines[2]);
        assertEquals("| fastText | 186.0 | 2,000 | 11.6 | n/a | n/a | n/a | n/a | 2,000 MB | n/a | 500 MB | 0.400 |", lines[3]);
        // Ratios only where both were measured: below 1 is better for times, memory and size, above 1 for speed and F1.
        assertEquals("| Slant / fastText | 0.11x | 10.0x | 10.0x | n/a | n/a | n/a | n/a | 0.45x | n/a | 0.01x | 1.55x |", lines[4]);
    }

    @Test
    void noRowsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> BenchTable.render(List.of(), 2));
    }
}
