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
    private final Archives archives;
    private final ModelCharts charts;
    private final Hook hook;

    ApiHandler(SlantClassifier slant, ServeSettings settings, ServeMetrics metrics, String modelCard, Archives archives,
            Hook hook) {
        super(InvocationType.BLOCKING);
        this.slant = Objects.requireNonNull(slant, "slant");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.model = ServeJson.bytes(ModelInfo.of(slant.manifest(), settings));
        this.modelCard = Objects.requireNonNull(modelCard, "modelCard").getBytes(StandardCharsets.UTF_8);
        this.explainer = new PageExplainer(slant);
        this.archives = Objects.requireNonNull(archives, "archives");
        this.charts = new ModelCharts(slant.manifest().metrics());
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
            if (route.endpoint() == Endpoint.ARCHIVE_DOWNLOAD && archives.get(route.archiveId()).onDisk()) {
                download(archives.get(route.archiveId()), request, response, callback);
                return true;
            }
            reply = switch (route.endpoint()) {
                case CLASSIFY -> classify(request);
                case CLASSIFY_BATCH -> classifyBatch(request);
                case EXPLAIN -> Reply.json(ServeJson.bytes(explainer.explain(
                        ArticleRequests.single(body(request)).article(), query(request))));
                case MODEL -> Reply.json(model);
                case MODEL_CARD -> new Reply(200, "text/markdown; charset=utf-8", modelCard, java.util.Map.of());
                case MODEL_CHART -> {
                    Query q = new Query(query(request), "evaluation", "kind", "width");
                    yield Reply.text("image/svg+xml; charset=utf-8", charts.render(q.text("evaluation", "cv"), q.text("kind", "confusion")));
                }
                case HEALTH -> Reply.json(HEALTHY);
                case METRICS -> Reply.text(ServeMetrics.CONTENT_TYPE, metrics.exposition());
                case ARCHIVES -> Reply.json(ServeJson.bytes(archives.list()));
                case ARCHIVE_UPLOAD -> Reply.json(ServeJson.bytes(archives.upload(body(request), query(request)).summary()));
                case ARCHIVE -> Reply.json(ServeJson.bytes(archives.get(route.archiveId()).summary()));
                case ARCHIVE_ROWS -> rows(archives.get(route.archiveId()), new Query(query(request), "sort", "order", "page", "size"));
                case ARCHIVE_CHART -> chart(archives.get(route.archiveId()), new Query(query(request), "target", "by", "width", "format"));
                case ARCHIVE_DOWNLOAD -> {
                    Archive a = archives.get(route.archiveId());
                    yield new Reply(200, "text/csv; charset=utf-8", a.scored(), java.util.Map.of(
                            "Content-Disposition", "attachment; filename=\"" + a.downloadName() + "\""));
                }
                case PAGE -> throw new IllegalStateException("the page's files are served before the queue");
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

    private static Reply rows(Archive archive, Query q) throws ApiException {
        String order = q.text("order", "asc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new ApiException(400, "query parameter 'order' must be asc or desc, got '" + order + "'");
        }
        return Reply.json(ServeJson.bytes(archive.rows(q.text("sort", "number"), order.equals("desc"),
                q.integer("page", 0, 0, Integer.MAX_VALUE), q.integer("size", 25, 1, 100))));
    }

    private static Reply chart(Archive archive, Query q) throws ApiException {
        String target = q.text("target", archive.targets.get(0));
        var shares = archive.shares(target, q.text("by", dev.slant.serve.archive.ArchiveTally.ALL));
        String format = q.text("format", "svg");
        switch (format) {
            case "svg" -> {
                String id = "c-" + target + "-" + shares.dimension();
                return Reply.text("image/svg+xml; charset=utf-8",
                        dev.slant.serve.archive.ShareChartSvg.render(shares, q.integer("width", 720, 240, 2000), id));
            }
            case "json" -> {
                return Reply.json(ServeJson.bytes(Archive.sharesJson(shares)));
            }
            default -> throw new ApiException(400, "query parameter 'format' must be svg or json, got '" + format + "'");
        }
    }

    /** Streams the operator's scored file without holding the thread while the client reads. */
    private static void download(Archive archive, Request request, Response response, Callback callback) {
        long size;
        try {
            size = java.nio.file.Files.size(archive.file());
        } catch (java.io.IOException e) {
            Reply.error(new ApiException(404, "the archive's file cannot be read any more")).send(request, response, callback);
            return;
        }
        String name = archive.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        response.setStatus(200);
        var h = response.getHeaders();
        h.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, name.endsWith(".gz") ? "application/gzip"
                : name.contains(".jsonl") || name.contains(".ndjson") ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8");
        h.put(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH, size);
        h.put("Content-Disposition", "attachment; filename=\"" + archive.downloadName() + "\"");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Content-Security-Policy", PageFiles.CSP_DATA);
        if ("HEAD".equals(request.getMethod())) {
            response.write(true, null, callback);
            return;
        }
        org.eclipse.jetty.io.Content.copy(org.eclipse.jetty.io.Content.Source.from(archive.file()), response, callback);
    }

    /** A request's query parameters, each at most once and among those an endpoint knows. */
    private static final class Query {
        private final java.util.Map<String, String> values = new java.util.HashMap<>();

        Query(Fields fields, String... known) throws ApiException {
            java.util.List<String> names = java.util.List.of(known);
            for (Fields.Field f : fields) {
                if (!names.contains(f.getName())) {
                    throw new ApiException(400, "unknown query parameter '" + f.getName() + "'; known: " + String.join(", ", names));
                }
                if (f.getValues().size() != 1) {
                    throw new ApiException(400, "query parameter '" + f.getName() + "' is given " + f.getValues().size() + " times");
                }
                values.put(f.getName(), f.getValue());
            }
        }

        String text(String name, String fallback) {
            String v = values.get(name);
            return v == null || v.isEmpty() ? fallback : v;
        }

        int integer(String name, int fallback, int min, int max) throws ApiException {
            String v = values.get(name);
            if (v == null || v.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new ApiException(400, "query parameter '" + name + "' must be " + min + " to " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ApiException(400, "query parameter '" + name + "' must be a whole number, got '" + v + "'", e);
            }
        }
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

    static Fields query(Request request) throws ApiException {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new ApiException(400, "malformed query string: " + e.getMessage(), e);
        }
    }
}
