package dev.slant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.explain.ExplainedPrediction;
import dev.slant.inference.json.PredictionJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Does each request's work once {@link Dispatcher} has routed it and read its body: classifies, explains, answers
 * the model, health and metrics, and the archives. Refused requests get {@code {"error": "...", "status": N}}: 400
 * for anything malformed, 413 for a batch over its limit, 404 for an unknown archive; an unexpected failure gets
 * 500 with no detail (the log has it). Runs on Jetty's bounded worker pool; classify requests only after the queue
 * let them in.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    /** Called before each request's work; tests use it to hold a worker. */
    interface Hook {
        /** Does nothing. */
        Hook NONE = endpoint -> { };

        /**
         * @param endpoint the endpoint about to work
         */
        void beforeWork(Endpoint endpoint);
    }

    private final SlantClassifier slant;
    private final ServeSettings settings;
    private final ServeMetrics metrics;
    private final byte[] model;
    private final byte[] modelCard;
    private final PageExplainer explainer;
    private final Hook hook;

    ApiHandler(SlantClassifier slant, ServeSettings settings, ServeMetrics metrics, String modelCard, Hook hook) {
        super(InvocationType.BLOCKING);
        this.slant = Objects.requireNonNull(slant, "slant");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.model = ServeJson.bytes(ModelInfo.of(slant.manifest(), settings));
        this.modelCard = Objects.requireNonNull(modelCard, "modelCard").getBytes(StandardCharsets.UTF_8);
        this.explainer = new PageExplainer(slant);
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Endpoint.Route route = (Endpoint.Route) request.getAttribute(Dispatcher.ROUTE);
        if (route == null) {
            return false;
        }
        Reply reply;
        try {
            hook.beforeWork(route.endpoint());
            reply = switch (route.endpoint()) {
                case CLASSIFY -> classify(request);
                case CLASSIFY_BATCH -> classifyBatch(request);
                case EXPLAIN -> Reply.json(ServeJson.bytes(explainer.explain(
                        ArticleRequests.single(body(request)).article(), query(request))));
                case MODEL -> Reply.json(model);
                case MODEL_CARD -> new Reply(200, "text/markdown; charset=utf-8", modelCard, java.util.Map.of());
                case HEALTH -> Reply.json(HEALTHY);
                case METRICS -> Reply.text(ServeMetrics.CONTENT_TYPE, metrics.exposition());
                default -> throw new ApiException(404, "no such path: " + Request.getPathInContext(request));
            };
        } catch (ApiException e) {
            reply = Reply.error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + request.getMethod() + " " + Request.getPathInContext(request) + " failed", e);
            reply = Reply.error(new ApiException(500, "internal error; the server's log has the details"));
        }
        reply.send(request, response, callback);
        return true;
    }

    private static byte[] body(Request request) {
        return (byte[]) request.getAttribute(Dispatcher.BODY);
    }

    private Reply classify(Request request) throws ApiException {
        ClassifyOptions options = ClassifyOptions.parse(query(request));
        ArticleRequest article = ArticleRequests.single(body(request));
        ObjectNode answer = answer(article, options);
        metrics.classified(1);
        return Reply.json(ServeJson.bytes(answer));
    }

    private Reply classifyBatch(Request request) throws ApiException {
        ClassifyOptions options = ClassifyOptions.parse(query(request));
        List<ArticleRequest> articles = ArticleRequests.batch(body(request), settings.maxBatch());
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
        } else {
            json = PredictionJson.toJson(slant.classify(article.article()), options.probabilities());
        }
        if (article.id() == null) {
            json.putNull("id");
        }
        return json;
    }

    static Fields query(Request request) throws ApiException {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new ApiException(400, "malformed query string: " + e.getMessage(), e);
        }
    }
}
