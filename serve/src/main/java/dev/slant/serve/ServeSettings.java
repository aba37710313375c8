package dev.slant.serve;

import java.util.Objects;

/**
 * How {@link SlantServer} listens and what it bounds. Every default is defined here, once.
 *
 * @param host           the address to bind (loopback unless told otherwise)
 * @param port           the port, 0 for a free one
 * @param threads        worker threads: the most classify requests handled at once, 1 or more
 * @param maxBody        the largest request body accepted, in bytes
 * @param maxBatch       the most articles one batch request may hold
 * @param maxQueue       the most classify requests waiting for a worker; more get 503
 * @param maxConnections open connections beyond which the server stops accepting until one closes
 * @param stopTimeoutMs  how long stopping waits for requests in flight to finish, in milliseconds
 */
public record ServeSettings(String host, int port, int threads, long maxBody, int maxBatch, int maxQueue,
        int maxConnections, long stopTimeoutMs) {

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

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     * @throws NullPointerException     if host is null
     */
    public ServeSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (maxBody < 1 || maxBody > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max body must be 1 to " + (Integer.MAX_VALUE - 8) + " bytes, got " + maxBody);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("max batch must be at least 1, got " + maxBatch);
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("max queue must not be negative, got " + maxQueue);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + maxConnections);
        }
        if (stopTimeoutMs < 0) {
            throw new IllegalArgumentException("stop timeout must not be negative, got " + stopTimeoutMs);
        }
    }

    /** @return the defaults: loopback, port 8080, one worker per core */
    public static ServeSettings defaults() {
        return new ServeSettings(DEFAULT_HOST, DEFAULT_PORT, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_BODY,
                DEFAULT_MAX_BATCH, DEFAULT_MAX_QUEUE, DEFAULT_MAX_CONNECTIONS, DEFAULT_STOP_TIMEOUT_MS);
    }

    /**
     * @param newHost the host
     * @param newPort the port, 0 for a free one
     * @return these settings listening there
     */
    public ServeSettings withAddress(String newHost, int newPort) {
        return new ServeSettings(newHost, newPort, threads, maxBody, maxBatch, maxQueue, maxConnections, stopTimeoutMs);
    }

    /**
     * @param newThreads worker threads
     * @return these settings with that many workers
     */
    public ServeSettings withThreads(int newThreads) {
        return new ServeSettings(host, port, newThreads, maxBody, maxBatch, maxQueue, maxConnections, stopTimeoutMs);
    }

    /**
     * @param newThreads  worker threads
     * @param newMaxQueue requests that may wait for one
     * @return these settings with those bounds
     */
    public ServeSettings withConcurrency(int newThreads, int newMaxQueue) {
        return new ServeSettings(host, port, newThreads, maxBody, maxBatch, newMaxQueue, maxConnections, stopTimeoutMs);
    }

    /**
     * @param newMaxBody  the body limit in bytes
     * @param newMaxBatch the batch limit in articles
     * @return these settings with those limits
     */
    public ServeSettings withLimits(long newMaxBody, int newMaxBatch) {
        return new ServeSettings(host, port, threads, newMaxBody, newMaxBatch, maxQueue, maxConnections, stopTimeoutMs);
    }
}
