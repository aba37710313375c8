package dev.slant.serve;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty itself raises before a request reaches {@link ApiHandler} (a malformed request line
 * or header, headers too large) in the service's JSON error form instead of Jetty's HTML page.
 */
final class JsonErrorHandler implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        // Jetty's own refusals (a malformed request line or header) carry a short reason meant for the client; a
        // failure of the service's code carries an exception, whose text stays in the log.
        boolean fromException = request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable t
                && !(t instanceof org.eclipse.jetty.http.BadMessageException);
        String message = !fromException && request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String m && !m.isBlank()
                ? m : HttpStatus.getMessage(status);
        byte[] body = ServeJson.error(status, message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, RequestBody.JSON + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", PageFiles.CSP_DATA);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
