package dev.slant.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a loop over {@code [0, n)} on several threads, cut into contiguous ranges. Each index is handled by exactly
 * one task, so a task that writes only its own indices gives the same result whatever the threads.
 */
final class Ranges {
    /** A task over the indices {@code [from, to)}. */
    @FunctionalInterface
    interface RangeTask {
        /**
         * @param from first index
         * @param to   one past the last index
         */
        void run(int from, int to);
    }

    private Ranges() {
    }

    /**
     * Runs {@code task} over {@code [0, n)} in ranges of at most {@code chunk} indices on {@code threads} threads
     * (on the calling thread when one thread is asked for or there is one range).
     *
     * @param n       the number of indices
     * @param chunk   the largest range, 1 or more
     * @param threads threads, 1 or more
     * @param name    the worker threads' name
     * @param task    the work
     * @throws InterruptedException     if interrupted while waiting
     * @throws IllegalArgumentException if chunk or threads is below 1
     */
    static void run(int n, int chunk, int threads, String name, RangeTask task) throws InterruptedException {
        if (chunk < 1 || threads < 1) {
            throw new IllegalArgumentException("chunk and threads must be at least 1, got " + chunk + " and " + threads);
        }
        if (threads == 1 || n <= chunk) {
            task.run(0, n);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int start = 0; start < n; start += chunk) {
                int from = start;
                int to = Math.min(n, start + chunk);
                futures.add(pool.submit(() -> task.run(from, to)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(name + " failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
