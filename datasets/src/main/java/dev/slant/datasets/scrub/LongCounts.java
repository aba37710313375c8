package dev.slant.datasets.scrub;

import dev.slant.datasets.Hashing;
import java.util.Arrays;

/**
 * Counts per non-zero 64-bit key, in an open-addressing table of primitives (a map of boxed keys would take several
 * times the memory while fitting on a large corpus). Not thread-safe.
 */
final class LongCounts {
    private static final int INITIAL_CAPACITY = 1 << 10;
    private long[] keys = new long[INITIAL_CAPACITY];
    private int[] counts = new int[INITIAL_CAPACITY];
    private int size;

    /**
     * Adds one to a key's count.
     *
     * @param key a key, not 0
     * @return the new count
     */
    int increment(long key) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int s = (int) Hashing.fmix64(key) & mask;
        while (keys[s] != 0 && keys[s] != key) {
            s = (s + 1) & mask;
        }
        if (keys[s] == 0) {
            keys[s] = key;
            size++;
        }
        return ++counts[s];
    }

    /**
     * @param key a key, not 0
     * @return its count, 0 if never incremented
     */
    int get(long key) {
        int mask = keys.length - 1;
        for (int s = (int) Hashing.fmix64(key) & mask; keys[s] != 0; s = (s + 1) & mask) {
            if (keys[s] == key) {
                return counts[s];
            }
        }
        return 0;
    }

    /** @return how many keys */
    int size() {
        return size;
    }

    /** Forgets every key, keeping the table. */
    void clear() {
        Arrays.fill(keys, 0L);
        Arrays.fill(counts, 0);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = (int) Hashing.fmix64(oldKeys[i]) & mask;
                while (keys[s] != 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                counts[s] = oldCounts[i];
            }
        }
    }
}
