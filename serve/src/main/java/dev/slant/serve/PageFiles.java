package dev.slant.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The page's files, read from the jar once at start: no file system, no directory listing, no path arithmetic. A
 * path is served only if it is one of {@link #FILES} (so {@code /../} and the like simply miss), with the page's
 * {@link #CSP}.
 */
final class PageFiles {
    /** Where the files are on the class path. */
    static final String ROOT = "/dev/slant/serve/web/";
    /** The files; the first is also served at {@code /}. */
    static final List<String> FILES = List.of("index.html", "app.css", "app.js", "favicon.svg");

    /**
     * The page's Content-Security-Policy: scripts, styles, images and fetches only from this server; no inline
     * script or style, no event-handler attributes, no eval; Trusted Types with no policy, so that assigning a
     * string to {@code innerHTML} and the like throws; not framable; forms submit only here; no base URL.
     */
    static final String CSP = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    /**
     * The policy of every other answer (JSON, SVG, CSV): nothing may load or run even if a browser opened one as a
     * document.
     */
    static final String CSP_DATA = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private record File(byte[] body, String contentType, String etag) {
    }

    private final Map<String, File> files = new LinkedHashMap<>();

    PageFiles() {
        for (String name : FILES) {
            byte[] body = read(ROOT + name);
            File f = new File(body, contentType(name), etag(body));
            if (files.isEmpty()) {
                files.put("/", f);
            }
            files.put("/" + name, f);
        }
    }

    /**
     * @param path a request's path
     * @return whether it is one of the page's files
     */
    boolean has(String path) {
        return files.containsKey(path);
    }

    /**
     * Answers a GET or HEAD of one of the files: 304 when the client's copy is current ({@code If-None-Match}).
     *
     * @param request  the request, for a path that {@link #has}
     * @param response its response
     * @param callback completed when the answer is sent
     */
    void serve(Request request, Response response, Callback callback) {
        File f = files.get(Request.getPathInContext(request));
        var headers = response.getHeaders();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        // Revalidate every time: the files change with each release, and the ETag makes that cheap.
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put(HttpHeader.ETAG, f.etag());
        if (f.etag().equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        new Reply(200, f.contentType(), f.body(), Map.of()).send(request, response, callback);
    }

    private static byte[] read(String resource) {
        try (InputStream in = PageFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the page's file " + resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> throw new IllegalArgumentException("no content type for " + name);
        };
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
