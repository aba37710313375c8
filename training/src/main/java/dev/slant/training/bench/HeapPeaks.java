package dev.slant.training.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use from the JVM's memory pools: {@link #reset} starts a phase, {@link #peakBytes} is the sum of the
 * heap pools' peaks since (an upper bound of the heap in use at any one time, garbage not yet collected included).
 */
final class HeapPeaks {
    private HeapPeaks() {
    }

    /** Starts measuring from now. */
    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    /** @return the sum of the heap pools' peak use since the last {@link #reset}, in bytes */
    static long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** @return heap in use after a full collection, in bytes (what stays live) */
    static long liveBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
