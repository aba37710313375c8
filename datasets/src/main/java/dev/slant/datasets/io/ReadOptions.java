package dev.slant.datasets.io;

import java.util.Objects;

/**
 * How to read: what to do with bad input, and how the reading is cut up. Whatever the threads and the chunk size,
 * a read gives the same articles, the same rejects in the same order and the same report.
 *
 * @param mode           strict or lenient
 * @param rejects        where skipped records go in lenient mode ({@link RejectSink#NONE} to only count them)
 * @param threads        threads that parse chunks ahead of the reader's caller; 0 parses on the caller's thread
 * @param chunkBytes     bytes of input per chunk, about (a chunk holds whole records)
 * @param maxRecordBytes the longest record read, in bytes of input: a longer one is rejected as
 *                       {@link RecordProblem.Reason#TOO_LONG} without ever being held in memory
 */
public record ReadOptions(ReadMode mode, RejectSink rejects, int threads, int chunkBytes, int maxRecordBytes) {
    /** The default of {@link #maxRecordBytes()}: 16 MiB, 200 times article-bias's longest article (77,217 bytes). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    /** The default of {@link #chunkBytes()}: 1 MiB. */
    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;
    /** The most threads a read uses by default. */
    static final int DEFAULT_MAX_THREADS = 4;

    /** Strict: stop at the first bad record. */
    public static final ReadOptions STRICT = new ReadOptions(ReadMode.STRICT, RejectSink.NONE);
    /** Lenient: skip and count bad records. */
    public static final ReadOptions LENIENT = new ReadOptions(ReadMode.LENIENT, RejectSink.NONE);

    /**
     * Validates.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if threads is negative, or a size below 1
     */
    public ReadOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rejects, "rejects");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (the caller's) or more, got " + threads);
        }
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunk bytes must be at least 1, got " + chunkBytes);
        }
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("the longest record must be at least 1 byte, got " + maxRecordBytes);
        }
    }

    /**
     * Default threads (the processors, at most {@value #DEFAULT_MAX_THREADS}), chunk size and longest record.
     *
     * @param mode    strict or lenient
     * @param rejects where skipped records go in lenient mode
     */
    public ReadOptions(ReadMode mode, RejectSink rejects) {
        this(mode, rejects, defaultThreads(), DEFAULT_CHUNK_BYTES, DEFAULT_MAX_RECORD_BYTES);
    }

    /** @return the processors, at most {@value #DEFAULT_MAX_THREADS} */
    public static int defaultThreads() {
        return Math.min(DEFAULT_MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param n parse threads; 0 parses on the caller's thread
     * @return a copy with that many
     */
    public ReadOptions withThreads(int n) {
        return new ReadOptions(mode, rejects, n, chunkBytes, maxRecordBytes);
    }

    /**
     * @param n bytes per chunk, about
     * @return a copy with that chunk size
     */
    public ReadOptions withChunkBytes(int n) {
        return new ReadOptions(mode, rejects, threads, n, maxRecordBytes);
    }

    /**
     * @param n the longest record read, in bytes
     * @return a copy with that limit
     */
    public ReadOptions withMaxRecordBytes(int n) {
        return new ReadOptions(mode, rejects, threads, chunkBytes, n);
    }

    /**
     * @param sink where skipped records go
     * @return a copy with that sink
     */
    public ReadOptions withRejects(RejectSink sink) {
        return new ReadOptions(mode, sink, threads, chunkBytes, maxRecordBytes);
    }
}
