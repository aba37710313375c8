package dev.slant.serve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's endpoints: a path (some with an archive id in it), the method each answers, whether it reads a
 * body and of which content types, and whether it waits for a worker. Each is also the label under which
 * {@link ServeMetrics} counts it. {@code GET} endpoints answer {@code HEAD} alike, without the body.
 */
enum Endpoint {
    /** The page: {@code /} and its few files. */
    PAGE("/", "GET", Body.NONE, false),
    HEALTH("/healthz", "GET", Body.NONE, false),
    METRICS("/metrics", "GET", Body.NONE, false),
    MODEL("/v1/model", "GET", Body.NONE, false),
    MODEL_CARD("/v1/model/card", "GET", Body.NONE, false),
    MODEL_CHART("/v1/model/chart", "GET", Body.NONE, false),
    CLASSIFY("/v1/classify", "POST", Body.JSON, true),
    CLASSIFY_BATCH("/v1/classify/batch", "POST", Body.JSON, true),
    EXPLAIN("/v1/explain", "POST", Body.JSON, true),
    ARCHIVES("/v1/archives", "GET", Body.NONE, false),
    ARCHIVE_UPLOAD("/v1/archives", "POST", Body.ARTICLES, true),
    ARCHIVE("/v1/archives/{id}", "GET", Body.NONE, false),
    ARCHIVE_ROWS("/v1/archives/{id}/rows", "GET", Body.NONE, false),
    ARCHIVE_CHART("/v1/archives/{id}/chart", "GET", Body.NONE, false),
    ARCHIVE_DOWNLOAD("/v1/archives/{id}/scored", "GET", Body.NONE, false);

    /** What body an endpoint reads. */
    enum Body {
        /** None (a body sent anyway is read and dropped). */
        NONE,
        /** {@code application/json}, UTF-8. */
        JSON,
        /** An article file: CSV or JSON Lines, gzip or not, under a content type a cross-site form cannot send. */
        ARTICLES
    }

    /** The metrics label of requests to any other path. */
    static final String OTHER = "other";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ARCHIVE_PATH = Pattern.compile("^/v1/archives/([^/]+)(/.*)?$");

    final String path;
    final String method;
    final Body body;
    final boolean queued;

    Endpoint(String path, String method, Body body, boolean queued) {
        this.path = path;
        this.method = method;
        this.body = body;
        this.queued = queued;
    }

    /**
     * A request's endpoint and the archive id its path names.
     *
     * @param endpoint  the endpoint
     * @param archiveId the id in the path, or null
     */
    record Route(Endpoint endpoint, String archiveId) {
    }

    /**
     * The endpoints of a path, whatever their method.
     *
     * @param path  the request's path
     * @param page  whether the page serves this path (one of its files)
     * @return every endpoint of the path with its archive id, empty if none
     */
    static List<Route> of(String path, boolean page) {
        List<Route> out = new ArrayList<>();
        if (page) {
            out.add(new Route(PAGE, null));
            return out;
        }
        String id = null;
        String pattern = path;
        Matcher m = ARCHIVE_PATH.matcher(path);
        if (m.matches()) {
            if (!ID.matcher(m.group(1)).matches()) {
                return out;
            }
            id = m.group(1);
            pattern = "/v1/archives/{id}" + (m.group(2) == null ? "" : m.group(2));
        }
        for (Endpoint e : values()) {
            if (e != PAGE && e.path.equals(pattern)) {
                out.add(new Route(e, id));
            }
        }
        return out;
    }

    /**
     * @param routes the endpoints of one path
     * @return the methods they answer, as an {@code Allow} header lists them ({@code HEAD} beside {@code GET})
     */
    static String allow(List<Route> routes) {
        Set<String> methods = new LinkedHashSet<>();
        for (Route r : routes) {
            methods.add(r.endpoint().method);
            if (r.endpoint().method.equals("GET")) {
                methods.add("HEAD");
            }
        }
        return String.join(", ", methods);
    }

    /** @return every metrics label: each endpoint's path once, then {@link #OTHER} */
    static List<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        for (Endpoint e : values()) {
            labels.add(e.path);
        }
        labels.add(OTHER);
        return List.copyOf(labels);
    }
}
