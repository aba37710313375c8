package dev.slant.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One whole answer, held in memory: status, content type, body and any further headers. Every answer carries
 * {@code X-Content-Type-Options: nosniff}, so that no browser reads a JSON or CSV answer as a page or a script,
 * and a Content-Security-Policy (the page's own for its files, {@link PageFiles#CSP_DATA} for the rest).
 *
 * @param status      the HTTP status
 * @param contentType the content type
 * @param body        the body (a HEAD request gets its length but not its bytes)
 * @param headers     further headers, in order
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    /** The content type of the service's JSON. */
    static final String JSON = RequestBody.JSON + "; charset=utf-8";

    Reply {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static Reply json(byte[] body) {
        return new Reply(200, JSON, body, Map.of());
    }

    static Reply text(String contentType, String body) {
        return new Reply(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param e a refusal
     * @return {@code {"error": message, "status": N}} with its status (and {@code Allow} for a 405)
     */
    static Reply error(ApiException e) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.allow() != null) {
            headers.put(HttpHeader.ALLOW.asString(), e.allow());
        }
        return new Reply(e.status(), JSON, ServeJson.error(e.status(), e.getMessage()), headers);
    }

    /**
     * @param name  a header
     * @param value its value
     * @return this answer with the header added (or replaced)
     */
    Reply with(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h);
    }

    /**
     * Sends the answer; for a HEAD request, its headers only. An error answer closes the connection: its request's
     * body may be partly unread, and a client reusing the connection would see an empty answer to its next request.
     *
     * @param request  the request
     * @param response its response
     * @param callback completed when the answer is sent
     */
    void send(Request request, Response response, Callback callback) {
        response.setStatus(status);
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, contentType);
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        h.put("X-Content-Type-Options", "nosniff");
        if (!h.contains("Content-Security-Policy")) {
            h.put("Content-Security-Policy", PageFiles.CSP_DATA);
        }
        headers.forEach(h::put);
        if (status >= 400) {
            h.put(HttpHeader.CONNECTION, "close");
        }
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }
}
