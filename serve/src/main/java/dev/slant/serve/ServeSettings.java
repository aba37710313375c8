package dev.slant.serve;

import java.util.Objects;

/**
 * How {@link SlantServer} listens and what it bounds. Every default and every allowed range is defined here, once.
 *
 * @param host           the address to bind (loopback unless told otherwise)
 * @param port           the port, 0 for a free one
 * @param threads        worker threads: the most classify requests handled at once ({@link #THREADS})
 * @param maxBody        the largest request body accepted, in bytes ({@link #MAX_BODY})
 * @param maxBatch       the most articles one batch request may hold ({@link #MAX_BATCH})
 * @param maxQueue       the most classify requests waiting for a worker; more get 503 ({@link #MAX_QUEUE})
 * @param maxConnections open connections beyond which the server stops accepting until one closes
 *                       ({@link #MAX_CONNECTIONS})
 * @param stopTimeoutMs  how long stopping waits for requests in flight to finish, in milliseconds
 *                       ({@link #STOP_TIMEOUT_MS})
 * @param bodyTimeoutMs  the longest a request body may pause between two reads, and the time after which its
 *                       average rate must be at least {@code minBodyRate}; a body that breaks either gets 408
 *                       ({@link #BODY_TIMEOUT_MS})
 * @param minBodyRate    the slowest average rate, in bytes per second, at which a body may arrive once it has
 *                       been arriving for {@code bodyTimeoutMs}; 0 for no minimum ({@link #MIN_BODY_RATE})
 */
public record ServeSettings(String host, int port, int threads, long maxBody, int maxBatch, int maxQueue,
        int maxConnections, long stopTimeoutMs, long bodyTimeoutMs, long minBodyRate) {

    /**
     * An allowed range of a setting, inclusive.
     *
     * @param min the smallest value
     * @param max the largest value
     */
    public record Range(long min, long max) {
        /**
         * @param name  the setting's name as the caller knows it ({@code threads}, {@code --threads})
         * @param value its value
         * @return the value
         * @throws IllegalArgumentException naming the setting and the range if the value is outside it
         */
        public long check(String name, long value) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", got " + value);
            }
            return value;
        }
    }

    /** Default host: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default port. */
    public static final int DEFAULT_PORT = 8080;
    /** Default body limit: 4 MiB, room for a full batch of articles of the usual length (article-bias: 6 KB). */
    public static final long DEFAULT_MAX_BODY = 4L << 20;
    /** Default batch limit. */
    public static final int DEFAULT_MAX_BATCH = 256;
    /** Default bound of the queue of requests waiting for a worker. */
    public static final int DEFAULT_MAX_QUEUE = 256;
    /** Default bound of open connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 512;
    /** Default time given to requests in flight when stopping. */
    public static final long DEFAULT_STOP_TIMEOUT_MS = 15_000;
    /** Default pause allowed in a body, and the time after which its minimum rate applies: 10 s. */
    public static final long DEFAULT_BODY_TIMEOUT_MS = 10_000;
    /** Default minimum body rate: 1 KiB/s (a 4 MiB body may take up to about 68 minutes; a trickle gets 408). */
    public static final long DEFAULT_MIN_BODY_RATE = 1024;

    /** Ports. */
    public static final Range PORT = new Range(0, 65535);
    /** Worker threads: a handful per core is plenty, since each runs a classification without waiting. */
    public static final Range THREADS = new Range(1, 128);
    /** Body limit in bytes: up to 1 GiB (a body is held in memory whole). */
    public static final Range MAX_BODY = new Range(1, 1L << 30);
    /** Articles per batch request. */
    public static final Range MAX_BATCH = new Range(1, 100_000);
    /** Requests waiting for a worker. */
    public static final Range MAX_QUEUE = new Range(0, 100_000);
    /** Open connections (each needs a file descriptor). */
    public static final Range MAX_CONNECTIONS = new Range(1, 100_000);
    /** Stop timeout: up to 10 minutes. */
    public static final Range STOP_TIMEOUT_MS = new Range(0, 600_000);
    /** Body timeout: 0.1 s to 10 minutes. */
    public static final Range BODY_TIMEOUT_MS = new Range(100, 600_000);
    /** Minimum body rate in bytes per second: 0 (none) up to 1 GiB/s. */
    public static final Range MIN_BODY_RATE = new Range(0, 1L << 30);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the setting that is out of range, and its range
     * @throws NullPointerException     if host is null
     */
    public ServeSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        PORT.check("port", port);
        THREADS.check("threads", threads);
        MAX_BODY.check("max body", maxBody);
        MAX_BATCH.check("max batch", maxBatch);
        MAX_QUEUE.check("max queue", maxQueue);
        MAX_CONNECTIONS.check("max connections", maxConnections);
        STOP_TIMEOUT_MS.check("stop timeout", stopTimeoutMs);
        BODY_TIMEOUT_MS.check("body timeout", bodyTimeoutMs);
        MIN_BODY_RATE.check("min body rate", minBodyRate);
    }

    /** @return the defaults: loopback, port 8080, one worker per core (at most {@link #THREADS}' maximum) */
    public static ServeSettings defaults() {
        int cores = (int) Math.min(THREADS.max(), Runtime.getRuntime().availableProcessors());
        return new ServeSettings(DEFAULT_HOST, DEFAULT_PORT, cores, DEFAULT_MAX_BODY, DEFAULT_MAX_BATCH, DEFAULT_MAX_QUEUE,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_STOP_TIMEOUT_MS, DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MIN_BODY_RATE);
    }

    /**
     * @param newHost the host
     * @param newPort the port, 0 for a free one
     * @return these settings listening there
     */
    public ServeSettings withAddress(String newHost, int newPort) {
        return new ServeSettings(newHost, newPort, threads, maxBody, maxBatch, maxQueue, maxConnections, stopTimeoutMs,
                bodyTimeoutMs, minBodyRate);
    }

    /**
     * @param newThreads worker threads
     * @return these settings with that many workers
     */
    public ServeSettings withThreads(int newThreads) {
        return withConcurrency(newThreads, maxQueue);
    }

    /**
     * @param newThreads  worker threads
     * @param newMaxQueue requests that may wait for one
     * @return these settings with those bounds
     */
    public ServeSettings withConcurrency(int newThreads, int newMaxQueue) {
        return new ServeSettings(host, port, newThreads, maxBody, maxBatch, newMaxQueue, maxConnections, stopTimeoutMs,
                bodyTimeoutMs, minBodyRate);
    }

    /**
     * @param newMaxBody  the body limit in bytes
     * @param newMaxBatch the batch limit in articles
     * @return these settings with those limits
     */
    public ServeSettings withLimits(long newMaxBody, int newMaxBatch) {
        return new ServeSettings(host, port, threads, newMaxBody, newMaxBatch, maxQueue, maxConnections, stopTimeoutMs,
                bodyTimeoutMs, minBodyRate);
    }

    /**
     * @param newBodyTimeoutMs the longest pause in a body, and when its minimum rate starts to apply
     * @param newMinBodyRate   the minimum average rate in bytes per second, 0 for none
     * @return these settings with those bounds on slow bodies
     */
    public ServeSettings withBodyTimeouts(long newBodyTimeoutMs, long newMinBodyRate) {
        return new ServeSettings(host, port, threads, maxBody, maxBatch, maxQueue, maxConnections, stopTimeoutMs,
                newBodyTimeoutMs, newMinBodyRate);
    }
}
