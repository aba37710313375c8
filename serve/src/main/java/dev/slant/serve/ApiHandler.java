package dev.slant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.explain.ExplainedPrediction;
import dev.slant.inference.json.PredictionJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Routes each request to its endpoint, answers it (JSON, or Prometheus text for {@code /metrics}) and counts it
 * in the metrics. Refused requests get {@code {"error": "...", "status": N}}: 404 for an unknown path, 405 (with
 * {@code Allow}) for a wrong method, 415 for a body that is not JSON, 413 for a body or batch over its limit and
 * 400 for anything malformed. Handlers block (reading bodies, classifying) on Jetty's bounded worker pool.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private static final String JSON_UTF8 = RequestBody.JSON + "; charset=utf-8";

    /** The service's paths and the method each accepts. */
    enum Endpoint {
        CLASSIFY("/v1/classify", "POST"),
        CLASSIFY_BATCH("/v1/classify/batch", "POST"),
        MODEL("/v1/model", "GET"),
        HEALTH("/healthz", "GET"),
        METRICS("/metrics", "GET");

        final String path;
        final String method;

        Endpoint(String path, String method) {
            this.path = path;
            this.method = method;
        }

        static Endpoint of(String path) {
            for (Endpoint e : values()) {
                if (e.path.equals(path)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** The metrics label of requests to any other path. */
    static final String OTHER = "other";

    private record Reply(int status, String contentType, byte[] body, String allow) {
        static Reply json(byte[] body) {
            return new Reply(200, JSON_UTF8, body, null);
        }

        static Reply error(ApiException e) {
            return new Reply(e.status(), JSON_UTF8, ServeJson.error(e.status(), e.getMessage()), e.allow());
        }
    }

    private final SlantClassifier slant;
    private final ServeSettings settings;
    private final ServeMetrics metrics;
    private final byte[] model;

    ApiHandler(SlantClassifier slant, ServeSettings settings, ServeMetrics metrics) {
        super(InvocationType.BLOCKING);
        this.slant = Objects.requireNonNull(slant, "slant");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.model = ServeJson.bytes(ModelInfo.of(slant.manifest()));
    }

    /** @return the paths whose requests wait in the bounded queue for a worker: those that classify */
    static List<String> queuedPaths() {
        return List.of(Endpoint.CLASSIFY.path, Endpoint.CLASSIFY_BATCH.path);
    }

    /** @return every endpoint label of the metrics, paths first and then {@link #OTHER} */
    static List<String> metricLabels() {
        List<String> labels = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            labels.add(e.path);
        }
        labels.add(OTHER);
        return labels;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Endpoint endpoint = Endpoint.of(path);
        String label = endpoint == null ? OTHER : endpoint.path;
        Reply reply;
        try {
            if (endpoint == null) {
                throw new ApiException(404, "no such path: " + path);
            }
            if (!endpoint.method.equals(request.getMethod())) {
                throw ApiException.methodNotAllowed(endpoint.method, request.getMethod(), path);
            }
            reply = switch (endpoint) {
                case CLASSIFY -> classify(request);
                case CLASSIFY_BATCH -> classifyBatch(request);
                case MODEL -> Reply.json(model);
                case HEALTH -> Reply.json(HEALTHY);
                case METRICS -> new Reply(200, ServeMetrics.CONTENT_TYPE, metrics.exposition().getBytes(StandardCharsets.UTF_8), null);
            };
        } catch (ApiException e) {
            reply = Reply.error(e);
            if (!RequestBody.discardRest(request, RequestBody.SWALLOW_LIMIT)) {
                // More unread body than is worth reading: answer anyway, then close (Connection: close below).
                LOG.fine(() -> "refused " + request.getMethod() + " " + path + " with its body partly unread");
            }
        } catch (IOException e) {
            // The client's connection failed while it sent the body: nobody is left to answer.
            metrics.record(label, ServeMetrics.CLIENT_CLOSED, System.nanoTime() - request.getHeadersNanoTime());
            callback.failed(e);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + request.getMethod() + " " + path + " failed", e);
            reply = Reply.error(new ApiException(500, "internal error: " + e));
        }
        // Counted when the answer is ready, so that a client that has its answer also finds it in /metrics.
        metrics.record(label, reply.status(), System.nanoTime() - request.getHeadersNanoTime());
        send(response, reply, callback);
        return true;
    }

    private Reply classify(Request request) throws ApiException, IOException {
        ClassifyOptions options = options(request);
        RequestBody.requireJson(request);
        ArticleRequest article = ArticleRequests.single(RequestBody.read(request, settings.maxBody()));
        ObjectNode answer = answer(article, options);
        metrics.classified(1);
        return Reply.json(ServeJson.bytes(answer));
    }

    private Reply classifyBatch(Request request) throws ApiException, IOException {
        ClassifyOptions options = options(request);
        RequestBody.requireJson(request);
        List<ArticleRequest> articles = ArticleRequests.batch(RequestBody.read(request, settings.maxBody()), settings.maxBatch());
        ArrayNode answers = JsonNodeFactory.instance.arrayNode(articles.size());
        for (ArticleRequest a : articles) {
            answers.add(answer(a, options));
        }
        metrics.classified(articles.size());
        return Reply.json(ServeJson.bytes(answers));
    }

    private ObjectNode answer(ArticleRequest article, ClassifyOptions options) {
        ObjectNode json;
        if (options.explain() > 0) {
            ExplainedPrediction e = slant.explain(article.article(), options.explain());
            json = PredictionJson.toJson(e.prediction(), options.probabilities(), e.explanations());
            metrics.predicted(e.prediction());
        } else {
            var prediction = slant.classify(article.article());
            json = PredictionJson.toJson(prediction, options.probabilities());
            metrics.predicted(prediction);
        }
        if (article.id() == null) {
            json.putNull("id");
        }
        return json;
    }

    private static ClassifyOptions options(Request request) throws ApiException {
        Fields query;
        try {
            query = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new ApiException(400, "malformed query string: " + e.getMessage(), e);
        }
        return ClassifyOptions.parse(query);
    }

    private static void send(Response response, Reply reply, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        if (reply.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, reply.allow());
        }
        if (reply.status() >= 400) {
            // A refused request's body may be left unread (413, 415, 405): close rather than let the client reuse a
            // connection the server is about to drop, which a client sees as an empty answer to its next request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
