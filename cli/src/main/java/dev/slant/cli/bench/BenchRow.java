package dev.slant.cli.bench;

import java.util.Objects;

/**
 * One system's figures in the bench table. A figure that was not measured is NaN (or -1 for byte counts).
 *
 * @param system             the system's name
 * @param trainSeconds       training time, reading its input included
 * @param oneThreadArticles  scoring articles per second on one thread
 * @param oneThreadMb        scoring megabytes (10^6) of article text (UTF-8 title and body) per second on one thread
 * @param allThreadsArticles scoring articles per second on all threads
 * @param allThreadsMb       scoring megabytes per second on all threads
 * @param p50Millis          median latency per article, one thread
 * @param p99Millis          99th percentile latency per article, one thread
 * @param trainPeakBytes     peak memory while training (Slant: heap; peers: resident set)
 * @param scorePeakBytes     peak memory while scoring (Slant: heap of a child JVM with a small -Xmx; peers: resident set)
 * @param bundleBytes        size of the saved model
 * @param macroF1            macro-F1 of the main target on the test part
 */
public record BenchRow(String system, double trainSeconds, double oneThreadArticles, double oneThreadMb,
                       double allThreadsArticles, double allThreadsMb, double p50Millis, double p99Millis,
                       long trainPeakBytes, long scorePeakBytes, long bundleBytes, double macroF1) {
    /** Validates. @throws NullPointerException if the system is null */
    public BenchRow {
        Objects.requireNonNull(system, "system");
    }
}
