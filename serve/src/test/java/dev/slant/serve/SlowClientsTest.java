package dev.slant.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.Article;
import dev.slant.inference.SlantClassifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slow, stalled and hostile clients against a server started here, over loopback. No test measures time: each
 * waits for an outcome (an answer, a status) with a generous bound only so that a regression fails instead of
 * hanging. Issue 33, items 1 and 9.
 */
@Timeout(120)
class SlowClientsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The longest a test waits for one answer before it counts as no answer. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    static SlantClassifier slant;
    static List<Article> articles;
    static HttpClient client;

    @BeforeAll
    static void setUp() {
        Logger.getLogger("org.eclipse.jetty").setLevel(Level.WARNING);
        slant = TinyModel.classifier();
        articles = TinyModel.unseen();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    static ServeSettings settings() {
        return ServeSettings.defaults().withAddress("127.0.0.1", 0).withThreads(2);
    }

    static byte[] json(Article a) {
        return SlantServerTest.articleJson(a).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Opens a connection and sends a classify request's headers and the first {@code sent} bytes of its body. */
    static Socket partial(SlantServer s, byte[] body, int sent) throws IOException {
        Socket socket = new Socket(s.uri().getHost(), s.uri().getPort());
        socket.setSoTimeout((int) PATIENCE.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, sent);
        out.flush();
        return socket;
    }

    /** Reads the answer on a socket until the server closes it: status line, headers, body. */
    static String answer(Socket socket) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            got.write(buffer, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    static JsonNode errorBody(String answer) throws IOException {
        JsonNode json = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        String message = json.get("error").textValue();
        // No Java internals in what a client reads.
        for (String internal : List.of("Exception", "java.", "jetty", "\tat ")) {
            assertFalse(message.contains(internal), message);
        }
        return json;
    }

    static HttpResponse<String> classify(SlantServer s, Article a) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(s.uri().resolve("/v1/classify")).timeout(PATIENCE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(a))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Item 1: slow uploads hold connections, not workers. Half the slow clients stall mid-body, half trickle a byte
     * every 100 ms; meanwhile normal requests are answered, and answered right, on a server with two workers.
     */
    @ParameterizedTest(name = "{0} slow clients")
    @ValueSource(ints = {2, 16})
    void slowClientsDoNotHoldTheWorkers(int slowClients) throws Exception {
        // A body timeout longer than the test: the slow clients stay connected throughout.
        ServeSettings slow = settings().withBodyTimeouts(120_000, 0);
        try (SlantServer server = SlantServer.start(slant, slow)) {
            List<Socket> sockets = new ArrayList<>();
            List<Thread> tricklers = new ArrayList<>();
            CountDownLatch stop = new CountDownLatch(1);
            try {
                for (int i = 0; i < slowClients; i++) {
                    byte[] body = json(articles.get(i));
                    Socket socket = partial(server, body, body.length / 2);
                    sockets.add(socket);
                    if (i % 2 == 1) {
                        Thread t = new Thread(() -> trickle(socket, body, stop), "trickle-" + i);
                        t.setDaemon(true);
                        t.start();
                        tricklers.add(t);
                    }
                }
                while (server.inFlight() < slowClients) {
                    Thread.sleep(5);
                }
                for (int i = 0; i < 20; i++) {
                    Article a = articles.get(100 + i);
                    HttpResponse<String> r = classify(server, a);
                    assertEquals(200, r.statusCode(), r.body());
                    SlantServerTest.assertAnswer(slant.classify(a), JSON.readTree(r.body()), true);
                }
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.uri().resolve("/healthz"))
                        .timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                // Still being read (the last answer's own request may not have ended yet on the server's side).
                assertTrue(server.inFlight() >= slowClients, "the slow clients are still being read: " + server.inFlight());
            } finally {
                stop.countDown();
                for (Thread t : tricklers) {
                    t.join();
                }
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    private static void trickle(Socket socket, byte[] body, CountDownLatch stop) {
        try {
            OutputStream out = socket.getOutputStream();
            for (int i = body.length / 2; i < body.length - 1 && !stop.await(100, TimeUnit.MILLISECONDS); i++) {
                out.write(body[i]);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The test is over or the server closed the connection.
        }
    }

    /** Item 9: a body that stops short of its Content-Length gets 408 once it has paused too long, with no internals. */
    @Test
    void aStalledBodyGets408() throws Exception {
        try (SlantServer server = SlantServer.start(slant, settings().withBodyTimeouts(300, 0))) {
            byte[] body = json(articles.get(0));
            try (Socket socket = partial(server, body, 50)) {
                String answer = answer(socket);
                assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
                JsonNode error = errorBody(answer);
                assertEquals(408, error.get("status").intValue());
                assertTrue(error.get("error").textValue().startsWith("the request body came too slowly: 50 of "
                        + body.length + " bytes"), error.toString());
            }
            assertEquals(1, server.metrics().requests("/v1/classify", 408));
        }
    }

    /** Item 1: a body that keeps coming, a byte at a time, gets 408 once its average falls below the minimum rate. */
    @Test
    void aTrickleBelowTheMinimumRateGets408() throws Exception {
        try (SlantServer server = SlantServer.start(slant, settings().withBodyTimeouts(500, 200))) {
            byte[] body = json(articles.get(1));
            CountDownLatch stop = new CountDownLatch(1);
            try (Socket socket = partial(server, body, 10)) {
                Thread t = new Thread(() -> trickle(socket, body, stop));
                t.setDaemon(true);
                t.start();
                String answer = answer(socket);
                stop.countDown();
                t.join();
                assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
                assertTrue(errorBody(answer).get("error").textValue().contains("at least 200 bytes/s"), answer);
            }
        }
    }

    /** Item 9: a body that ends (the client shuts its side) before its Content-Length gets 400, at once. */
    @Test
    void aBodyEndingBeforeItsLengthGets400() throws Exception {
        try (SlantServer server = SlantServer.start(slant, settings().withBodyTimeouts(120_000, 0))) {
            byte[] body = json(articles.get(2));
            try (Socket socket = partial(server, body, 50)) {
                socket.shutdownOutput();
                String answer = answer(socket);
                assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
                assertEquals("the request body ended early: 50 of its " + body.length + " bytes arrived",
                        errorBody(answer).get("error").textValue());
            }
        }
    }

    /** Item 9: HEAD on every GET endpoint is answered as GET is, with the same length and no body. */
    @Test
    void headIsAnsweredLikeGetWithoutABody() throws Exception {
        try (SlantServer server = SlantServer.start(slant, settings(), TinyModel.CARD)) {
            for (String path : List.of("/healthz", "/v1/model", "/v1/model/card", "/", "/app.js")) {
                HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(PATIENCE).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, get.statusCode(), path);
                try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
                    socket.setSoTimeout((int) PATIENCE.toMillis());
                    socket.getOutputStream().write(("HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    String answer = answer(socket);
                    assertTrue(answer.startsWith("HTTP/1.1 200 "), path + ": " + answer);
                    assertTrue(answer.endsWith("\r\n\r\n"), path + ": a HEAD answer has no body: " + answer);
                    assertTrue(answer.contains("Content-Length: " + get.body().length + "\r\n"), path + ": " + answer);
                    assertEquals(get.headers().firstValue("Content-Type").orElseThrow(),
                            answer.lines().filter(l -> l.startsWith("Content-Type: ")).findFirst().orElseThrow().substring(14), path);
                }
            }
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri().resolve("/v1/classify")).timeout(PATIENCE)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode());
            assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
            r = client.send(HttpRequest.newBuilder(server.uri().resolve("/healthz")).timeout(PATIENCE)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
        }
    }

    /** Item 9: a 503 from the queue and a 500 from a failure are counted in slant_http_requests_total like any answer. */
    @Test
    void answers503And500AreCounted() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ApiHandler.Hook hook = endpoint -> {
            if (endpoint == Endpoint.CLASSIFY_BATCH) {
                throw new IllegalStateException("a failure the tests make");
            }
            if (endpoint == Endpoint.CLASSIFY && working.getCount() > 0) {
                working.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (SlantServer server = SlantServer.start(slant, settings().withConcurrency(1, 0), "", hook)) {
            Thread first = new Thread(() -> {
                try {
                    classify(server, articles.get(3));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            first.start();
            working.await();
            // The one worker is busy and nothing may wait: refused.
            HttpResponse<String> refused = classify(server, articles.get(4));
            assertEquals(503, refused.statusCode(), refused.body());
            release.countDown();
            first.join();
            HttpResponse<String> failed = client.send(HttpRequest.newBuilder(server.uri().resolve("/v1/classify/batch"))
                    .timeout(PATIENCE).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, failed.statusCode());
            assertFalse(failed.body().contains("IllegalStateException") || failed.body().contains("the tests make"), failed.body());

            String metrics = client.send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> lines = metrics.lines().toList();
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"/v1/classify\",status=\"200\"} 1"), metrics);
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"/v1/classify\",status=\"503\"} 1"), metrics);
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"/v1/classify/batch\",status=\"500\"} 1"), metrics);
            assertTrue(lines.contains("slant_http_requests_rejected_total 1"), metrics);
        }
    }
}
