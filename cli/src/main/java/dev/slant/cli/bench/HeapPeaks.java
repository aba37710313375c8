package dev.slant.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap use: the most heap in use at any one moment since {@link #reset}, garbage not yet collected included.
 * The heap fills between collections, so its peaks lie just before them: each collection's report of the heap
 * pools before it is summed (one moment, so the sum is what was in use then), and the largest such sum, or the
 * heap in use now if larger, is the peak. Summing each pool's own peak instead would add peaks of different moments
 * and can exceed {@code -Xmx}.
 */
final class HeapPeaks {
    private static final AtomicLong PEAK = new AtomicLong();
    private static final Set<String> HEAP_POOLS = heapPools();
    private static boolean listening;

    private HeapPeaks() {
    }

    private static Set<String> heapPools() {
        Set<String> names = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                names.add(pool.getName());
            }
        }
        return names;
    }

    /** Starts measuring from now. */
    static synchronized void reset() {
        if (!listening) {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((n, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            record(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                                    .getGcInfo().getMemoryUsageBeforeGc());
                        }
                    }, null, null);
                }
            }
            listening = true;
        }
        PEAK.set(usedNow());
    }

    private static void record(Map<String, MemoryUsage> beforeGc) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : beforeGc.entrySet()) {
            if (HEAP_POOLS.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        PEAK.accumulateAndGet(sum, Math::max);
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * @return the peak heap use since the last {@link #reset}, in bytes (a collection's report arrives on another
     *         thread, so one that ends just before this call may not be counted yet)
     */
    static long peakBytes() {
        return Math.max(PEAK.get(), usedNow());
    }

    /** @return heap in use after a full collection, in bytes (what stays live) */
    static long liveBytes() {
        System.gc();
        return usedNow();
    }
}
