package dev.slant.cli.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The peak heap counts what was in use at one moment, garbage included, and never more than the heap holds. */
class HeapPeaksTest {
    private static final int BIG = 64 << 20;

    @Test
    void aDeadAllocationStillCountsAtItsPeakAndThePeakFitsTheHeap() throws InterruptedException {
        long live = HeapPeaks.liveBytes();
        HeapPeaks.reset();
        byte[] big = new byte[BIG];
        big[BIG - 1] = 1;
        assertTrue(big[BIG - 1] == 1);
        big = null;
        // After this collection the heap holds about what it held at the reset: only the report of the heap before
        // it shows the array.
        System.gc();
        long expected = live + BIG - (1 << 20);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (HeapPeaks.peakBytes() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long peak = HeapPeaks.peakBytes();
        assertTrue(peak >= expected, "peak " + peak + " misses the dead 64 MB array beside " + live + " live bytes");
        assertTrue(peak <= Runtime.getRuntime().maxMemory(), "peak " + peak + " exceeds the heap's maximum");
    }
}
