package dev.slant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Not a test: a bounded loopback load on {@code slant serve}. Starts the server on a free loopback port with a
 * bundle, first checks that HTTP answers every article exactly as the library does (labels equal, probabilities
 * to 1e-9), then sends CLIENTS x REQUESTS single-article {@code POST /v1/classify} requests and prints
 * requests/s with p50, p99 and max latency as the clients see them. Each client sends one request at a time,
 * cycling through the articles, over one shared HttpClient's connection pool.
 *
 * <pre>java -cp ... dev.slant.inference.bench.ServeBenchmark BUNDLE ARTICLES.csv[.gz] IDS.tsv|- CLIENTS REQUESTS [THREADS]</pre>
 *
 * <p>ARTICLES has article-bias's columns (ID, title, content_original); IDS.tsv (first column, a header line)
 * keeps only those articles, for example {@code article-bias/splits/media/test.tsv}. THREADS is the server's
 * worker count (default: the cores). Client and server share the machine, so the figures are for both together.
 *
 * <p>Measured 2026-11-23 on the shared 2-core machine (load average 13 to 14 from other builds and trainings, so
 * these are floors), with a stance-only media bundle of the current format (LibLinear SVM, 2^20 buckets), the
 * 1,300 media test articles (5.9 KB mean body), 2 server threads, -Xmx1g: all 1,300 answers equal to the
 * library's (probability difference 0); 8 clients x 500 requests: 1,645 requests/s, p50 3.98 ms, p99 18.4 ms,
 * no error; 1 client x 2,000 requests: 977 requests/s, p50 0.65 ms, p99 6.7 ms.
 */
public final class ServeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ServeBenchmark BUNDLE ARTICLES.csv[.gz] IDS.tsv|- CLIENTS REQUESTS [THREADS]");
            System.exit(2);
        }
        Path bundle = Path.of(args[0]);
        List<Article> articles = read(Path.of(args[1]), args[2].equals("-") ? null : Path.of(args[2]));
        int clients = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : Runtime.getRuntime().availableProcessors();

        long t0 = System.nanoTime();
        SlantClassifier slant = SlantClassifier.load(bundle);
        System.out.printf("loaded %s in %.1f s; %d articles; %d cores; load average before: %s%n", bundle,
                (System.nanoTime() - t0) / 1e9, articles.size(), Runtime.getRuntime().availableProcessors(), loadAverage());
        List<byte[]> bodies = new ArrayList<>(articles.size());
        long bytes = 0;
        for (Article a : articles) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("id", a.id()).put("title", a.title()).put("text", a.text());
            byte[] body = JSON.writeValueAsBytes(json);
            bodies.add(body);
            bytes += body.length;
        }
        System.out.printf("mean request body %,d bytes%n", bytes / Math.max(1, bodies.size()));

        ServeSettings settings = ServeSettings.defaults().withAddress("127.0.0.1", 0)
                .withConcurrency(threads, Math.max(ServeSettings.DEFAULT_MAX_QUEUE, clients));
        try (SlantServer server = SlantServer.start(slant, settings)) {
            URI classify = server.uri().resolve("/v1/classify");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            verify(client, classify, slant, articles, bodies);
            run(client, classify, bodies, clients, Math.min(requests, 50), threads, "warm-up");
            run(client, classify, bodies, clients, requests, threads, "measured");
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    /** Every article once over HTTP, against the library. */
    static void verify(HttpClient client, URI classify, SlantClassifier slant, List<Article> articles, List<byte[]> bodies)
            throws IOException, InterruptedException {
        double maxDiff = 0;
        int labelsDiffer = 0;
        for (int i = 0; i < articles.size(); i++) {
            HttpResponse<byte[]> r = client.send(post(classify, bodies.get(i)), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("article " + articles.get(i).id() + ": status " + r.statusCode());
            }
            JsonNode answer = JSON.readTree(r.body());
            Prediction p = slant.classify(articles.get(i));
            for (TargetPrediction t : p.targets()) {
                JsonNode got = answer.get(t.target());
                if (t.abstained() != got.get("abstained").booleanValue()
                        || (!t.abstained() && !t.label().equals(got.get("label").textValue()))) {
                    labelsDiffer++;
                }
                for (Map.Entry<String, Double> e : t.probabilities().entrySet()) {
                    maxDiff = Math.max(maxDiff, Math.abs(e.getValue() - got.get("probabilities").get(e.getKey()).doubleValue()));
                }
            }
        }
        System.out.printf("verified %d articles over HTTP against the library: %d labels differ, largest probability difference %.3g%n",
                articles.size(), labelsDiffer, maxDiff);
        if (labelsDiffer > 0 || maxDiff > 1e-9) {
            throw new IllegalStateException("HTTP answers differ from the library's");
        }
    }

    static void run(HttpClient client, URI classify, List<byte[]> bodies, int clients, int requests, int threads, String phase)
            throws Exception {
        long[][] latencies = new long[clients][requests];
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < requests; i++) {
                        byte[] body = bodies.get((id * 997 + i) % bodies.size());
                        long t = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = client.send(post(classify, body), HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        latencies[id][i] = System.nanoTime() - t;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-9s %d clients x %d requests, %d server threads: %,d requests in %.2f s = %,.0f requests/s; "
                        + "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; errors %d%n",
                phase, clients, requests, threads, all.length, seconds, all.length / seconds,
                percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, all[all.length - 1] / 1e6, errors.get());
    }

    static double percentile(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static HttpRequest post(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static List<Article> read(Path csv, Path ids) throws IOException {
        Set<String> keep = null;
        if (ids != null) {
            keep = new HashSet<>();
            for (String line : Files.readAllLines(ids)) {
                String id = line.split("\t", 2)[0];
                if (!id.equals("ID") && !id.isBlank()) {
                    keep.add(id);
                }
            }
        }
        List<Article> out = new ArrayList<>();
        InputStream in = Files.newInputStream(csv);
        if (csv.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (Reader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if ((keep == null || keep.contains(rec.get("ID"))) && !rec.get("content_original").isBlank()) {
                    out.add(Article.of(rec.get("ID"), rec.get("title"), rec.get("content_original")));
                }
            }
        }
        return out;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
