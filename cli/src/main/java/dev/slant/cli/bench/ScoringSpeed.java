package dev.slant.cli.bench;

import dev.slant.datasets.Article;
import dev.slant.inference.SlantClassifier;
import java.util.Arrays;
import java.util.List;

/**
 * Measures how fast a classifier scores articles, the whole path (scrubbing, featurizing, every target's scorer,
 * the prediction objects): on one thread, article by article with each article's latency, and on several threads
 * through {@link SlantClassifier#classifyAll(List, int)}. Each figure is measured over whole rounds of the
 * articles, at least three and at least the given time, after a warm-up of the same length.
 */
final class ScoringSpeed {
    private ScoringSpeed() {
    }

    /**
     * @param articlesPerSecond articles per second
     * @param p50Millis         median latency per article (one thread only; NaN otherwise)
     * @param p99Millis         99th percentile latency per article (one thread only; NaN otherwise)
     */
    record Figures(double articlesPerSecond, double p50Millis, double p99Millis) {
    }

    /**
     * @param slant    the classifier
     * @param articles the articles, at least one
     * @param seconds  the least time to measure over
     * @return throughput and latency percentiles on one thread
     */
    static Figures oneThread(SlantClassifier slant, List<Article> articles, double seconds) {
        long[] latencies = new long[articles.size()];
        rounds(seconds, () -> oneRound(slant, articles, latencies));
        long[] all = new long[0];
        long total = 0;
        int rounds = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (rounds < 3 || System.nanoTime() < deadline) {
            total += oneRound(slant, articles, latencies);
            all = concat(all, latencies);
            rounds++;
        }
        Arrays.sort(all);
        return new Figures(articles.size() * (double) rounds / (total / 1e9), percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6);
    }

    /**
     * @param slant    the classifier
     * @param articles the articles
     * @param threads  threads
     * @param seconds  the least time to measure over
     * @return throughput on that many threads
     */
    static Figures threads(SlantClassifier slant, List<Article> articles, int threads, double seconds) {
        rounds(seconds, () -> {
            long t0 = System.nanoTime();
            slant.classifyAll(articles, threads);
            return System.nanoTime() - t0;
        });
        int rounds = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        while (rounds < 3 || System.nanoTime() < deadline) {
            slant.classifyAll(articles, threads);
            rounds++;
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new Figures(articles.size() * (double) rounds / elapsed, Double.NaN, Double.NaN);
    }

    /** Warm-up: rounds until the time is spent. */
    private static void rounds(double seconds, java.util.function.LongSupplier round) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long sink = 0;
        do {
            sink += round.getAsLong();
        } while (System.nanoTime() < deadline);
        if (sink == Long.MIN_VALUE) {
            throw new AssertionError("unreachable: keeps the warm-up from being optimized away");
        }
    }

    private static long oneRound(SlantClassifier slant, List<Article> articles, long[] latencies) {
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < latencies.length; i++) {
            long t0 = System.nanoTime();
            sink += slant.classify(articles.get(i)).targets().size();
            latencies[i] = System.nanoTime() - t0;
        }
        if (sink < 0) {
            throw new AssertionError("unreachable");
        }
        return System.nanoTime() - start;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
