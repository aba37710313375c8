package dev.slant.serve;

import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Checks a request body's content type before it is read. */
final class RequestBody {
    /** The one content type the JSON endpoints read. */
    static final String JSON = "application/json";

    /**
     * The content types of an article file. None of them is one that a form of another site can send without the
     * browser asking this server first (a CORS preflight, which it never grants): so no other site can make a
     * visitor's browser upload to it.
     */
    static final Set<String> ARTICLE_TYPES = Set.of("text/csv", "text/tab-separated-values", "application/x-ndjson",
            "application/jsonl", "application/x-jsonlines", "application/gzip", "application/x-gzip",
            "application/octet-stream");

    private RequestBody() {
    }

    /**
     * @param request the request
     * @param body    what its endpoint reads
     * @throws ApiException 415 if the request's content type is not one the endpoint reads
     */
    static void requireType(Request request, Endpoint.Body body) throws ApiException {
        if (body == Endpoint.Body.JSON) {
            requireJson(request);
        } else if (body == Endpoint.Body.ARTICLES) {
            String value = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            String type = value == null ? "" : value.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!ARTICLE_TYPES.contains(type)) {
                throw new ApiException(415, (value == null || value.isBlank() ? "no Content-Type" : "Content-Type " + value.trim()
                        + " is not supported") + "; send an article file as text/csv, application/x-ndjson or application/octet-stream");
            }
        }
    }

    /**
     * Accepts {@code application/json}, with no charset or UTF-8 (the only encoding JSON allows on the wire).
     *
     * @param request the request
     * @throws ApiException 415 for any other content type or charset, or none
     */
    static void requireJson(Request request) throws ApiException {
        String value = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (value == null || value.isBlank()) {
            throw new ApiException(415, "no Content-Type; send " + JSON);
        }
        String[] parts = value.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON)) {
            throw new ApiException(415, "Content-Type " + value.trim() + " is not supported; send " + JSON);
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "").trim();
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new ApiException(415, "charset " + charset + " is not supported; send UTF-8 JSON");
                }
            }
        }
    }
}
