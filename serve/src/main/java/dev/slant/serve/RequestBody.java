package dev.slant.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Checks a request's content type and reads its body within a size limit. */
final class RequestBody {
    /** The one content type the service reads. */
    static final String JSON = "application/json";

    private static final int CHUNK = 16 * 1024;

    private RequestBody() {
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

    /**
     * Reads the whole body, refusing one longer than the limit before reading it (by its Content-Length) and
     * while reading it (a chunked body, or one longer than it said).
     *
     * @param request the request
     * @param limit   the most bytes allowed
     * @return the body
     * @throws ApiException 413 if the body exceeds the limit
     * @throws IOException  if the client's connection fails while sending it
     */
    static byte[] read(Request request, long limit) throws ApiException, IOException {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(declared + " bytes", limit);
        }
        int capacity = (int) (declared >= 0 ? declared : Math.min(limit, CHUNK));
        byte[] buffer = new byte[Math.max(capacity, 1)];
        int size = 0;
        InputStream in = Content.Source.asInputStream(request);
        while (true) {
            if (size == buffer.length) {
                if (size >= limit) {
                    // Full at the limit: one more byte means too large.
                    if (in.read() < 0) {
                        break;
                    }
                    throw tooLarge("more than " + limit + " bytes", limit);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * buffer.length));
            }
            int n = in.read(buffer, size, buffer.length - size);
            if (n < 0) {
                break;
            }
            size += n;
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /**
     * The most unread body bytes discarded before refusing a request (Tomcat's maxSwallowSize is the same idea and
     * value): a client still sending its body when the server answers and closes may otherwise get a reset instead of
     * the answer, because closing a socket with unread input resets the connection.
     */
    static final long SWALLOW_LIMIT = 2L << 20;

    /**
     * Reads and drops what is left of a request's body, up to a limit.
     *
     * @param request the request
     * @param limit   the most bytes to drop
     * @return true if the body was read to its end, false if more remained or the client's connection failed
     */
    static boolean discardRest(Request request, long limit) {
        byte[] sink = new byte[CHUNK];
        long dropped = 0;
        try {
            InputStream in = Content.Source.asInputStream(request);
            int n;
            while ((n = in.read(sink, 0, (int) Math.min(sink.length, limit - dropped + 1))) >= 0) {
                dropped += n;
                if (dropped > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static ApiException tooLarge(String size, long limit) {
        return new ApiException(413, "the request body of " + size + " exceeds the limit of " + limit + " bytes");
    }
}
