package dev.slant.serve;

import dev.slant.inference.SlantClassifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A classifier served over HTTP/1.1 by Jetty 12 (core handlers, no servlets). See {@link ApiHandler} for the
 * endpoints.
 *
 * <p>Bounds: at most {@link ServeSettings#threads()} classify requests run at once; at most
 * {@link ServeSettings#maxQueue()} more wait for their turn (holding no thread), and a request beyond those, or
 * one that waits longer than {@link #MAX_WAIT}, gets 503 (Jetty's {@link QoSHandler}). {@code /healthz},
 * {@code /metrics} and {@code /v1/model} are not queued behind classification. At most
 * {@link ServeSettings#maxConnections()} connections are open (beyond that the server stops accepting until one
 * closes), and over HTTP/1.1 a connection carries one request at a time, which also bounds Jetty's own job
 * queue. Jetty's thread pool is fixed: the workers plus one acceptor, one selector and {@link #SPARE_THREADS}
 * for Jetty's own tasks. Bodies and batches are limited as {@link ApiHandler} says.
 *
 * <p>Stopping is graceful: the server stops accepting, lets requests in flight finish for up to
 * {@link ServeSettings#stopTimeoutMs()}, then closes. While it stops, a connection idle for a second (a client
 * that stalls mid-body) is closed rather than waited for ({@link GracefulHandler}'s default). {@link #stopOnShutdown()} does that on SIGTERM or Ctrl-C.
 */
public final class SlantServer implements AutoCloseable {
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;
    private static final int IDLE_TIMEOUT_MS = 30_000;
    /** Threads beyond the workers for Jetty's own tasks, so that blocked workers cannot starve it. */
    static final int SPARE_THREADS = 2;
    /** The longest a classify request waits for a worker before it gets 503. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;
    private final ServeMetrics metrics;
    private final ServeSettings settings;
    private final GracefulHandler graceful;
    private final QoSHandler qos;

    private SlantServer(Server server, ServerConnector connector, GracefulHandler graceful, QoSHandler qos,
            ServeMetrics metrics, ServeSettings settings) {
        this.server = server;
        this.graceful = graceful;
        this.qos = qos;
        this.connector = connector;
        this.metrics = metrics;
        this.settings = settings;
    }

    /**
     * Starts serving.
     *
     * @param slant    the classifier
     * @param settings where to listen and what to bound
     * @return the running server
     * @throws IOException if it cannot listen there (address in use, unknown host, no permission)
     */
    public static SlantServer start(SlantClassifier slant, ServeSettings settings) throws IOException {
        int maxThreads = settings.threads() + ACCEPTORS + SELECTORS + SPARE_THREADS;
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, maxThreads);
        pool.setName("slant-serve");
        pool.setReservedThreads(0);
        Server server = new Server(pool);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));

        QoSHandler qos = new QoSHandler();
        qos.setMaxRequestCount(settings.threads());
        qos.setMaxSuspendedRequestCount(settings.maxQueue());
        qos.setMaxSuspend(MAX_WAIT);
        qos.setRejectStatusCode(503);
        for (String path : ApiHandler.queuedPaths()) {
            qos.include(PathSpec.from(path));
        }
        ServeMetrics metrics = new ServeMetrics(ApiHandler.metricLabels(), new ServeMetrics.Queue(
                qos::getSuspendedRequestCount, () -> qos.getTotalExceededRequestCount() + qos.getTotalExpiredRequestCount()));
        dev.slant.inference.drift.DriftReference.fromMetrics(slant.manifest().metrics()).ifPresent(metrics::trackDrift);
        qos.setHandler(new ApiHandler(slant, settings, metrics));
        GracefulHandler graceful = new GracefulHandler(qos);
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(settings.stopTimeoutMs());
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IOException("cannot serve on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        return new SlantServer(server, connector, graceful, qos, metrics, settings);
    }

    /** @return the port it listens on (the one chosen when the settings asked for port 0) */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return its base URI, for example {@code http://127.0.0.1:8080/} */
    public URI uri() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** @return its metrics, as {@code GET /metrics} shows them */
    public ServeMetrics metrics() {
        return metrics;
    }

    /** @return requests being handled now, counting those waiting for a worker */
    public long inFlight() {
        return graceful.getCurrentRequestCount();
    }

    /** @return classify requests waiting for a worker now */
    public long waiting() {
        return qos.getSuspendedRequestCount();
    }

    /** @return true once stopping has begun (it no longer accepts connections) */
    boolean stopping() {
        return server.isStopping() || server.isStopped();
    }

    /** Stops the server gracefully when the JVM shuts down (SIGTERM, SIGINT, System.exit). */
    public void stopOnShutdown() {
        server.setStopAtShutdown(true);
    }

    /**
     * Waits until the server has stopped.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops accepting, lets requests in flight finish (up to the stop timeout) and closes. Does nothing if
     * stopped already.
     *
     * @throws IllegalStateException if Jetty fails to stop, with its error as the cause
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the server on " + uri() + " failed", e);
        }
    }
}
