package dev.slant.serve;

import dev.slant.inference.Prediction;
import dev.slant.inference.drift.DriftReference;
import dev.slant.inference.drift.DriftReport;
import dev.slant.inference.drift.DriftTally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts by endpoint and status, a latency histogram per endpoint and the number of articles classified,
 * written in the Prometheus text exposition format (version 0.0.4). Thread-safe and lock-free on the request
 * path; a scrape during traffic may see a histogram's count a request ahead of its buckets, as Prometheus allows.
 *
 * <p>Written here rather than with a client library: the format is a few lines of text, and the Prometheus
 * Java client or Micrometer would add several jars to the inference module for three metrics.
 */
public final class ServeMetrics {
    /** The content type of {@link #exposition()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The status counted for a request whose client closed the connection before sending all of its body. */
    public static final int CLIENT_CLOSED = 499;
    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /**
     * The queue of requests waiting for a worker, as its owner counts it.
     *
     * @param waiting  requests waiting now
     * @param rejected requests refused so far (queue full or waited too long)
     */
    public record Queue(java.util.function.LongSupplier waiting, java.util.function.LongSupplier rejected) {
        /**
         * Validates.
         *
         * @throws NullPointerException if an argument is null
         */
        public Queue {
            java.util.Objects.requireNonNull(waiting, "waiting");
            java.util.Objects.requireNonNull(rejected, "rejected");
        }
    }

    private record Key(String endpoint, int status) {
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];
        final LongAdder nanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void add(long elapsedNanos) {
            double seconds = elapsedNanos / 1e9;
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            buckets[i].increment();
            nanos.add(elapsedNanos);
        }
    }

    private final Map<String, Histogram> latency = new LinkedHashMap<>();
    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder articles = new LongAdder();
    private final Queue queue;
    /** The predictions' drift from the training data, or null when the bundle stores no reference. */
    private volatile DriftTally drift;

    /**
     * @param endpoints every endpoint label {@link #record} will be called with, in the order to list them
     * @param queue     the queue of requests waiting for a worker
     * @throws IllegalArgumentException if there is no endpoint
     */
    public ServeMetrics(List<String> endpoints, Queue queue) {
        this.queue = java.util.Objects.requireNonNull(queue, "queue");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoint to measure");
        }
        for (String e : endpoints) {
            latency.put(e, new Histogram());
        }
    }

    /**
     * Counts one answered request.
     *
     * @param endpoint     one of the endpoints given to the constructor
     * @param status       the HTTP status answered
     * @param elapsedNanos how long it took, from its headers' arrival to its answer being ready to send
     * @throws IllegalArgumentException if the endpoint is unknown
     */
    public void record(String endpoint, int status, long elapsedNanos) {
        Histogram h = latency.get(endpoint);
        if (h == null) {
            throw new IllegalArgumentException("unknown endpoint " + endpoint + "; known: " + latency.keySet());
        }
        h.add(Math.max(0, elapsedNanos));
        requests.computeIfAbsent(new Key(endpoint, status), k -> new LongAdder()).increment();
    }

    /**
     * Compares the articles classified from now on with the training data's reference, in {@link #exposition()}.
     *
     * @param reference the bundle's drift reference
     */
    public void trackDrift(DriftReference reference) {
        this.drift = new DriftTally(reference);
    }

    /** @param p a prediction answered, counted for drift when a reference is tracked */
    public void predicted(Prediction p) {
        DriftTally d = drift;
        if (d != null) {
            d.add(p);
        }
    }

    /** @param n articles classified (by single and batch requests) */
    public void classified(int n) {
        articles.add(n);
    }

    /**
     * @param endpoint an endpoint
     * @param status   a status
     * @return how many requests to it were answered with that status
     */
    public long requests(String endpoint, int status) {
        LongAdder n = requests.get(new Key(endpoint, status));
        return n == null ? 0 : n.sum();
    }

    /** @return the metrics in the Prometheus text format */
    public String exposition() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP slant_http_requests_total HTTP requests answered, by endpoint and status (499: the client left mid-body).\n");
        sb.append("# TYPE slant_http_requests_total counter\n");
        List<Key> keys = new ArrayList<>(requests.keySet());
        List<String> order = new ArrayList<>(latency.keySet());
        keys.sort((a, b) -> a.endpoint.equals(b.endpoint) ? Integer.compare(a.status, b.status)
                : Integer.compare(order.indexOf(a.endpoint), order.indexOf(b.endpoint)));
        for (Key k : keys) {
            sb.append("slant_http_requests_total{endpoint=\"").append(escape(k.endpoint)).append("\",status=\"")
                    .append(k.status).append("\"} ").append(requests.get(k).sum()).append('\n');
        }
        sb.append("# HELP slant_http_request_duration_seconds Time from a request's headers to its answer, ready to send.\n");
        sb.append("# TYPE slant_http_request_duration_seconds histogram\n");
        for (Map.Entry<String, Histogram> e : latency.entrySet()) {
            String endpoint = escape(e.getKey());
            Histogram h = e.getValue();
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += h.buckets[i].sum();
                String le = i < BUCKETS.length ? number(BUCKETS[i]) : "+Inf";
                sb.append("slant_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"")
                        .append(le).append("\"} ").append(cumulative).append('\n');
            }
            sb.append("slant_http_request_duration_seconds_sum{endpoint=\"").append(endpoint).append("\"} ")
                    .append(number(h.nanos.sum() / 1e9)).append('\n');
            sb.append("slant_http_request_duration_seconds_count{endpoint=\"").append(endpoint).append("\"} ")
                    .append(cumulative).append('\n');
        }
        sb.append("# HELP slant_articles_classified_total Articles classified by single and batch requests.\n");
        sb.append("# TYPE slant_articles_classified_total counter\n");
        sb.append("slant_articles_classified_total ").append(articles.sum()).append('\n');
        sb.append("# HELP slant_http_requests_waiting Classify requests waiting for a worker.\n");
        sb.append("# TYPE slant_http_requests_waiting gauge\n");
        sb.append("slant_http_requests_waiting ").append(queue.waiting().getAsLong()).append('\n');
        sb.append("# HELP slant_http_requests_rejected_total Classify requests answered 503: queue full or waited too long.\n");
        sb.append("# TYPE slant_http_requests_rejected_total counter\n");
        sb.append("slant_http_requests_rejected_total ").append(queue.rejected().getAsLong()).append('\n');
        DriftTally d = drift;
        if (d != null) {
            drift(sb, d.report());
        }
        return sb.toString();
    }

    /**
     * The drift gauges: per signal (the known n-gram share, each target's labels) the population stability index of
     * the articles classified since the start against the training data's, and whether that is far from it (see
     * {@link DriftReport}); per bin, the share of those articles and of the training data's.
     */
    private static void drift(StringBuilder sb, DriftReport r) {
        sb.append("# HELP slant_drift_articles Articles classified since the start, which the drift gauges compare with the training data.\n");
        sb.append("# TYPE slant_drift_articles gauge\n");
        sb.append("slant_drift_articles ").append(r.articles()).append('\n');
        sb.append("# HELP slant_drift_psi Population stability index of the articles classified since the start against the training data, by signal.\n");
        sb.append("# TYPE slant_drift_psi gauge\n");
        for (DriftReport.Signal s : r.signals()) {
            sb.append("slant_drift_psi{signal=\"").append(escape(s.name())).append("\"} ").append(gauge(s.psi())).append('\n');
        }
        sb.append("# HELP slant_drift_far 1 when a signal is far from the training data (PSI >= 0.25 and a chi-square test at p < 0.001).\n");
        sb.append("# TYPE slant_drift_far gauge\n");
        for (DriftReport.Signal s : r.signals()) {
            sb.append("slant_drift_far{signal=\"").append(escape(s.name())).append("\"} ").append(s.far() ? 1 : 0).append('\n');
        }
        sb.append("# HELP slant_drift_share Share of the articles classified since the start in each bin of a signal (label, or known n-gram share range), beside the training data's.\n");
        sb.append("# TYPE slant_drift_share gauge\n");
        for (DriftReport.Signal s : r.signals()) {
            for (int i = 0; i < s.bins().size(); i++) {
                String labels = "signal=\"" + escape(s.name()) + "\",bin=\"" + escape(s.bins().get(i)) + "\"";
                sb.append("slant_drift_share{").append(labels).append(",data=\"served\"} ").append(gauge(s.batch()[i])).append('\n');
                sb.append("slant_drift_share{").append(labels).append(",data=\"training\"} ").append(gauge(s.reference()[i])).append('\n');
            }
        }
    }

    private static String gauge(double v) {
        return Double.isNaN(v) ? "NaN" : number(v);
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).toPlainString();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
