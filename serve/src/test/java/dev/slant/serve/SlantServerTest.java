package dev.slant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.features.Featurizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP service end to end, over loopback, against a tiny bundle. */
@Timeout(120)
class SlantServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_BODY = 16 * 1024;
    static final int MAX_BATCH = 50;
    static final String TYPE = "application/json";
    /** Jetty's INFO lines (started, stopped) for each server would only clutter the test output. */
    static final java.util.logging.Logger JETTY = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    static SlantClassifier slant;
    static List<Article> unseen;
    static SlantServer server;
    static HttpClient client;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        JETTY.setLevel(java.util.logging.Level.WARNING);
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        Featurizer featurizer = Synthetic.featurizer(training);
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        models.put("stance", Synthetic.train(TinyTrainers.all().get("liblinear-svm"), featurizer, training, "stance"));
        models.put("topic", Synthetic.train(TinyTrainers.all().get("sgd-lr"), featurizer, training, "topic"));
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        metrics.putObject("test").put("macroF1", 0.7);
        Path file = dir.resolve("tiny.slant");
        new BundleWriter().write(file, new BundleContents(featurizer, models, 7L, "0".repeat(64), 300, 2, metrics, "card",
                BundleContents.DEFAULT_PRECISION));
        slant = SlantClassifier.load(file);
        unseen = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(200, 3)) {
            unseen.add(a.article());
        }
        server = SlantServer.start(slant, settings());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    static ServeSettings settings() {
        return ServeSettings.defaults().withAddress("127.0.0.1", 0).withThreads(4).withLimits(MAX_BODY, MAX_BATCH);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static URI uri(SlantServer s, String path) {
        return s.uri().resolve(path);
    }

    static HttpResponse<String> post(SlantServer s, String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(s, path)).POST(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(server, path, TYPE, HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpResponse<String> get(SlantServer s, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(s, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode articleJson(Article a) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", a.id());
        json.put("title", a.title());
        json.put("text", a.text());
        return json;
    }

    /** Asserts that an answer is the library's prediction: same labels, counts and probabilities to 1e-9. */
    static void assertAnswer(Prediction expected, JsonNode answer, boolean probabilities) {
        String id = expected.articleId();
        assertEquals(slant.targets().size() + 1, answer.size(), id);
        for (TargetPrediction t : expected.targets()) {
            JsonNode got = answer.get(t.target());
            assertEquals(t.abstained(), got.get("abstained").booleanValue(), id);
            assertEquals(t.knownFeatures(), got.get("knownFeatures").intValue(), id);
            assertEquals(t.features(), got.get("features").intValue(), id);
            if (t.abstained()) {
                assertTrue(got.get("label").isNull(), id);
                assertTrue(got.get("probability").isNull(), id);
            } else {
                assertEquals(t.label(), got.get("label").textValue(), id);
                assertEquals(t.probability(), got.get("probability").doubleValue(), 1e-9, id);
            }
            assertEquals(probabilities, got.has("probabilities"), id);
            if (probabilities) {
                JsonNode ps = got.get("probabilities");
                assertEquals(new ArrayList<>(t.probabilities().keySet()), fieldNames(ps), id);
                for (Map.Entry<String, Double> e : t.probabilities().entrySet()) {
                    assertEquals(e.getValue(), ps.get(e.getKey()).doubleValue(), 1e-9, id + " " + e.getKey());
                }
            }
        }
    }

    static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Asserts an error answer: its status, a JSON body {"error": "...", "status": N}, and a word of its message. */
    static JsonNode assertError(HttpResponse<String> r, int status, String messagePart) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(TYPE), r.headers().toString());
        JsonNode json = JSON.readTree(r.body());
        assertEquals(List.of("error", "status"), fieldNames(json));
        assertEquals(status, json.get("status").intValue());
        assertTrue(json.get("error").textValue().contains(messagePart), json.get("error").textValue());
        return json;
    }

    @Test
    void classifiesLikeTheLibrary() throws Exception {
        for (Article a : unseen.subList(0, 20)) {
            HttpResponse<String> r = post("/v1/classify", articleJson(a).toString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(TYPE));
            JsonNode answer = JSON.readTree(r.body());
            assertEquals(List.of("id", "stance", "topic"), fieldNames(answer));
            assertEquals(a.id(), answer.get("id").textValue());
            assertAnswer(slant.classify(a), answer, true);
        }
    }

    @Test
    void idAndTitleAreOptionalAndProbabilitiesCanBeLeftOut() throws Exception {
        Article a = unseen.get(0);
        HttpResponse<String> r = post("/v1/classify?probabilities=false", "{\"text\": " + JSON.writeValueAsString(a.text()) + "}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertTrue(answer.get("id").isNull());
        assertAnswer(slant.classify(Article.of("x", "", a.text())), answer, false);
    }

    @Test
    void metadataReachesTheFeaturizerAsInACorpusRow() throws Exception {
        Article a = unseen.get(2);
        Article withMeta = new Article(a.id(), a.title(), a.text(), Map.of(Article.OUTLET, "Outlet News", Article.HOST, "www.outlet.com"));
        ObjectNode body = articleJson(a);
        body.putObject("meta").put(Article.OUTLET, "Outlet News").put(Article.HOST, "www.outlet.com");
        HttpResponse<String> r = post("/v1/classify", body.toString());
        assertEquals(200, r.statusCode(), r.body());
        assertAnswer(slant.classify(withMeta), JSON.readTree(r.body()), true);
    }

    @Test
    void explainGivesTheLibrarysExplanation() throws Exception {
        Article a = unseen.get(1);
        HttpResponse<String> r = post("/v1/classify?explain=4", articleJson(a).toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        var explained = slant.explain(a, 4);
        assertAnswer(explained.prediction(), answer, true);
        for (var e : explained.explanations().entrySet()) {
            JsonNode expected = JSON.readTree(JSON.writeValueAsString(
                    dev.slant.inference.json.PredictionJson.explanation(e.getValue())));
            assertEquals(expected, answer.get(e.getKey()).get("explanation"), e.getKey());
        }
        assertEquals(4, answer.get("stance").get("explanation").get("ngrams").size(), "the 4 n-grams asked for");
    }

    @Test
    void anArticleWithoutKnownFeaturesAbstains() throws Exception {
        // The featurizer drops numbers: no feature at all, so every target abstains.
        HttpResponse<String> r = post("/v1/classify", "{\"id\": \"n\", \"text\": \"12345 67890\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        for (String target : slant.targets()) {
            JsonNode t = answer.get(target);
            assertEquals(List.of("label", "probability", "abstained", "knownFeatures", "features", "knownShare", "abstention",
                    "probabilities"), fieldNames(t));
            assertEquals("no known feature", t.get("abstention").textValue());
            assertTrue(t.get("label").isNull());
            assertTrue(t.get("probability").isNull());
            assertTrue(t.get("abstained").booleanValue());
            assertEquals(0, t.get("knownFeatures").intValue());
            assertEquals(0, t.get("features").intValue());
        }
        assertFalse(r.body().contains("NaN"));
    }

    @Test
    void batchKeepsOrder() throws Exception {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        List<Article> articles = new ArrayList<>(unseen.subList(0, MAX_BATCH));
        java.util.Collections.reverse(articles);
        for (Article a : articles) {
            batch.add(articleJson(a));
        }
        ((ObjectNode) batch.get(3)).remove("id");
        HttpResponse<String> r = post("/v1/classify/batch", batch.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answers = JSON.readTree(r.body());
        assertEquals(articles.size(), answers.size());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            JsonNode answer = answers.get(i);
            if (i == 3) {
                assertTrue(answer.get("id").isNull());
            } else {
                assertEquals(a.id(), answer.get("id").textValue());
            }
            assertAnswer(slant.classify(a), answer, true);
        }
        assertEquals("[]", post("/v1/classify/batch", "[]").body());
    }

    @Test
    void malformedRequestsGet400() throws Exception {
        assertError(post("/v1/classify", "{\"text\": \"abc\""), 400, "malformed JSON at line 1");
        assertError(post("/v1/classify", "{\"text\": \"abc\"} {}"), 400, "malformed JSON");
        assertError(post("/v1/classify", "{\"text\": \"a\", \"text\": \"b\"}"), 400, "Duplicate field 'text'");
        assertError(post("/v1/classify", ""), 400, "empty");
        assertError(post("/v1/classify", "{}"), 400, "\"text\" is missing");
        assertError(post("/v1/classify", "{\"text\": null}"), 400, "\"text\" is missing");
        assertError(post("/v1/classify", "{\"text\": \" \\n \"}"), 400, "\"text\" is blank");
        assertError(post("/v1/classify", "{\"text\": 12}"), 400, "\"text\" must be a string, got a number");
        assertError(post("/v1/classify", "{\"text\": \"abc\", \"title\": [\"x\"]}"), 400, "\"title\" must be a string, got an array");
        assertError(post("/v1/classify", "{\"text\": \"abc\", \"id\": 7}"), 400, "\"id\" must be a string");
        assertError(post("/v1/classify", "{\"text\": \"abc\", \"id\": \"\"}"), 400, "\"id\" is blank");
        assertError(post("/v1/classify", "{\"text\": \"abc\", \"body\": \"x\"}"), 400, "unknown field 'body'");
        assertError(post("/v1/classify", "[{\"text\": \"abc\"}]"), 400, "expected a JSON object");
        assertError(post("/v1/classify", "\"abc\""), 400, "got a string");
        assertError(post("/v1/classify", "{\"text\": \"abc\", \"meta\": [\"x\"]}"), 400, "\"meta\" must be an object of strings, got an array");
        assertError(post("/v1/classify", "{\"text\": \"abc\", \"meta\": {\"host\": 3}}"), 400, "\"meta\".\"host\" must be a string, got a number");
        assertError(post("/v1/classify?verbose=3", "{\"text\": \"abc\"}"), 400, "unknown query parameter 'verbose'");
        assertError(post("/v1/classify?explain=many", "{\"text\": \"abc\"}"), 400, "whole number");
        assertError(post("/v1/classify?explain=-1", "{\"text\": \"abc\"}"), 400, "between 0 and");
        assertError(post("/v1/classify?probabilities=maybe", "{\"text\": \"abc\"}"), 400, "true or false");
        assertError(post(server, "/v1/classify", TYPE, HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xff, '"', '}'})),
                400, "malformed JSON");
        assertError(post("/v1/classify/batch", "{\"text\": \"abc\"}"), 400, "expected a JSON array");
        assertError(post("/v1/classify/batch", "[{\"text\": \"abc\"}, 5]"), 400, "article [1]: expected a JSON object, got a number");
        assertError(post("/v1/classify/batch", "[{\"text\": \"abc\"}, {\"title\": \"t\"}]"), 400, "article [1]: \"text\" is missing");
    }

    @Test
    void tooLargeBodiesAndBatchesGet413() throws Exception {
        String big = "{\"text\": \"" + "word ".repeat((int) MAX_BODY / 5) + "\"}";
        // By Content-Length, before reading.
        assertError(post("/v1/classify", big), 413, "exceeds the limit of " + MAX_BODY + " bytes");
        // While reading: a chunked body has no Content-Length.
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)));
        assertError(post(server, "/v1/classify", TYPE, chunked), 413, "more than " + MAX_BODY + " bytes");
        // A chunked body within the limit is read whole.
        String ok = articleJson(unseen.get(1)).toString();
        HttpResponse<String> r = post(server, "/v1/classify", TYPE,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, r.statusCode(), r.body());
        assertAnswer(slant.classify(unseen.get(1)), JSON.readTree(r.body()), true);

        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i <= MAX_BATCH; i++) {
            batch.addObject().put("text", "a b");
        }
        assertError(post("/v1/classify/batch", batch.toString()), 413, "a batch of " + (MAX_BATCH + 1) + " articles exceeds the limit of " + MAX_BATCH);
    }

    @Test
    void wrongContentTypesGet415() throws Exception {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{\"text\": \"abc\"}");
        assertError(post(server, "/v1/classify", "text/plain", body), 415, "text/plain is not supported");
        assertError(post(server, "/v1/classify", null, body), 415, "no Content-Type");
        assertError(post(server, "/v1/classify/batch", "application/x-www-form-urlencoded", body), 415, "not supported");
        assertError(post(server, "/v1/classify", "application/json; charset=ISO-8859-1", body), 415, "charset iso-8859-1");
        assertEquals(200, post(server, "/v1/classify", "Application/JSON; charset=UTF-8", body).statusCode());
    }

    @Test
    void unknownPathsGet404AndWrongMethods405() throws Exception {
        assertError(get(server, "/v1/classify/other"), 404, "no such path: /v1/classify/other");
        assertError(post("/", "{}"), 404, "no such path");
        HttpResponse<String> r = get(server, "/v1/classify");
        assertError(r, 405, "method GET is not allowed on /v1/classify");
        assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
        r = post("/healthz", "{}");
        assertError(r, 405, "use GET");
        assertEquals("GET", r.headers().firstValue("Allow").orElseThrow());
        r = client.send(HttpRequest.newBuilder(uri(server, "/v1/classify/batch")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertError(r, 405, "DELETE");
        assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void errorsJettyRaisesItselfAreJsonToo() throws Exception {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.getOutputStream().write(("POST /v1/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: twelve\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(response.contains("Content-Type: application/json"), response);
            JsonNode json = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals(400, json.get("status").intValue());
            assertFalse(json.get("error").textValue().isBlank());
        }
    }

    @Test
    void modelAndHealth() throws Exception {
        HttpResponse<String> r = get(server, "/v1/model");
        assertEquals(200, r.statusCode());
        JsonNode model = JSON.readTree(r.body());
        assertEquals(List.of("targets", "metrics", "provenance"), fieldNames(model));
        List<String> targets = new ArrayList<>();
        for (JsonNode t : model.get("targets")) {
            targets.add(t.get("name").textValue());
            List<String> labels = new ArrayList<>();
            t.get("labels").forEach(l -> labels.add(l.textValue()));
            assertEquals(slant.labels(t.get("name").textValue()), labels);
            assertEquals(slant.manifest().target(t.get("name").textValue()).trainer(), t.get("trainer").textValue());
        }
        assertEquals(slant.targets(), targets);
        assertEquals(0.7, model.at("/metrics/test/macroF1").doubleValue());
        JsonNode provenance = model.get("provenance");
        assertEquals(7, provenance.get("seed").longValue());
        assertEquals(300, provenance.get("rowsUsed").longValue());
        assertEquals(2, provenance.get("rowsRejected").longValue());
        assertEquals("0".repeat(64), provenance.get("trainingDataSha256").textValue());
        assertEquals(slant.manifest().created(), provenance.get("created").textValue());
        assertEquals(slant.featurizer().settings().buckets(), provenance.at("/featurizer/buckets").intValue());
        assertEquals(slant.manifest().entries().keySet(), new java.util.TreeSet<>(fieldNames(provenance.get("entries"))));

        r = get(server, "/healthz");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\"}", r.body());
    }

    @Test
    void metricsCountRequestsByEndpointAndStatus() throws Exception {
        try (SlantServer own = SlantServer.start(slant, settings())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, post(own, "/v1/classify", TYPE, HttpRequest.BodyPublishers.ofString(articleJson(unseen.get(i)).toString())).statusCode());
            }
            assertEquals(400, post(own, "/v1/classify", TYPE, HttpRequest.BodyPublishers.ofString("{")).statusCode());
            assertEquals(400, post(own, "/v1/classify", TYPE, HttpRequest.BodyPublishers.ofString("{}")).statusCode());
            assertEquals(200, post(own, "/v1/classify/batch", TYPE, HttpRequest.BodyPublishers.ofString(
                    "[" + articleJson(unseen.get(5)) + "," + articleJson(unseen.get(6)) + "]")).statusCode());
            assertEquals(404, get(own, "/nope").statusCode());
            assertEquals(200, get(own, "/healthz").statusCode());

            HttpResponse<String> r = get(own, "/metrics");
            assertEquals(200, r.statusCode());
            assertEquals(ServeMetrics.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow().replace("charset=UTF-8", "charset=utf-8"));
            List<String> lines = r.body().lines().toList();
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"/v1/classify\",status=\"200\"} 3"), r.body());
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"/v1/classify\",status=\"400\"} 2"), r.body());
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"/v1/classify/batch\",status=\"200\"} 1"), r.body());
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"other\",status=\"404\"} 1"), r.body());
            assertTrue(lines.contains("slant_http_requests_total{endpoint=\"/healthz\",status=\"200\"} 1"), r.body());
            assertTrue(lines.contains("# TYPE slant_http_request_duration_seconds histogram"), r.body());
            assertTrue(lines.contains("slant_http_request_duration_seconds_bucket{endpoint=\"/v1/classify\",le=\"+Inf\"} 5"), r.body());
            assertTrue(lines.contains("slant_http_request_duration_seconds_count{endpoint=\"/v1/classify\"} 5"), r.body());
            assertTrue(lines.contains("slant_http_request_duration_seconds_count{endpoint=\"/v1/model\"} 0"), r.body());
            assertTrue(lines.contains("slant_articles_classified_total 5"), r.body());
            // Buckets are cumulative and every sample line is "name{labels} number".
            long previous = 0;
            for (String line : lines) {
                if (line.startsWith("#")) {
                    continue;
                }
                assertTrue(line.matches("[a-z_]+(\\{[a-z]+=\"[^\"]*\"(,[a-z]+=\"[^\"]*\")*\\})? [0-9.E+-]+"), line);
                if (line.startsWith("slant_http_request_duration_seconds_bucket{endpoint=\"/v1/classify\"")) {
                    long n = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                    assertTrue(n >= previous, line);
                    previous = n;
                }
            }
            assertEquals(5, previous);
        }
    }

    @Test
    void concurrentBurstAnswersLikeTheLibrary() throws Exception {
        int clients = 8;
        int requests = 500;
        Map<String, Prediction> expected = new LinkedHashMap<>();
        List<String> bodies = new ArrayList<>();
        for (Article a : unseen) {
            expected.put(a.id(), slant.classify(a));
            bodies.add(articleJson(a).toString());
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client0 = c;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < requests; i++) {
                        int k = (client0 * 37 + i) % bodies.size();
                        try {
                            HttpResponse<String> r = post("/v1/classify", bodies.get(k));
                            if (r.statusCode() != 200) {
                                failures.add("status " + r.statusCode() + ": " + r.body());
                                continue;
                            }
                            JsonNode answer = JSON.readTree(r.body());
                            assertAnswer(expected.get(unseen.get(k).id()), answer, true);
                            ok++;
                        } catch (Exception | AssertionError e) {
                            failures.add(e.toString());
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> f : done) {
                ok += f.get();
            }
            assertEquals(List.of(), new ArrayList<>(failures).subList(0, Math.min(5, failures.size())));
            assertEquals(clients * requests, ok);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        SlantServer own = SlantServer.start(slant, settings());
        URI base = own.uri();
        Article a = unseen.get(7);
        byte[] json = articleJson(a).toString().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = startRequest(own, json)) {
            while (own.inFlight() == 0) {
                Thread.sleep(5);
            }
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(own::close);
            while (!own.stopping()) {
                Thread.sleep(5);
            }
            assertFalse(stopped.isDone());
            assertAnswer(slant.classify(a), finish(socket, json, "HTTP/1.1 200 OK"), true);
            stopped.get();
        }
        assertThrows(ConnectException.class, () -> client.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends the headers and the first half of a classify request's body; the rest waits for {@link #finish}. */
    static Socket startRequest(SlantServer s, byte[] json) throws IOException {
        Socket socket = new Socket(s.uri().getHost(), s.uri().getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(json, 0, json.length / 2);
        out.flush();
        return socket;
    }

    /** Sends the rest of the body and returns the answer's body after checking its status line. */
    static JsonNode finish(Socket socket, byte[] json, String statusLine) throws IOException {
        socket.getOutputStream().write(json, json.length / 2, json.length - json.length / 2);
        socket.getOutputStream().flush();
        String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(response.startsWith(statusLine + "\r\n"), response);
        return JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void classifyRequestsBeyondTheWorkersWaitAndBeyondTheQueueGet503() throws Exception {
        ServeSettings one = settings().withConcurrency(1, 1);
        try (SlantServer own = SlantServer.start(slant, one)) {
            byte[] first = articleJson(unseen.get(10)).toString().getBytes(StandardCharsets.UTF_8);
            byte[] second = articleJson(unseen.get(11)).toString().getBytes(StandardCharsets.UTF_8);
            try (Socket a = startRequest(own, first)) {
                while (own.inFlight() < 1) {
                    Thread.sleep(5);
                }
                Socket b = startRequest(own, second);
                while (own.waiting() < 1) {
                    Thread.sleep(5);
                }
                // One runs (reading its body), one waits: a third is refused, and liveness still answers.
                assertError(post(own, "/v1/classify", TYPE, HttpRequest.BodyPublishers.ofString(new String(first, StandardCharsets.UTF_8))),
                        503, "");
                assertEquals(200, get(own, "/healthz").statusCode());
                assertAnswer(slant.classify(unseen.get(10)), finish(a, first, "HTTP/1.1 200 OK"), true);
                assertAnswer(slant.classify(unseen.get(11)), finish(b, second, "HTTP/1.1 200 OK"), true);
                b.close();
            }
            List<String> lines = get(own, "/metrics").body().lines().toList();
            assertTrue(lines.contains("slant_http_requests_rejected_total 1"), lines.toString());
            assertTrue(lines.contains("slant_http_requests_waiting 0"), lines.toString());
        }
    }
}
