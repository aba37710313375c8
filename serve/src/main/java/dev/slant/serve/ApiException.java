package dev.slant.serve;

/**
 * A request the service refuses: its HTTP status and a message for the client, sent as
 * {@code {"error": message, "status": status}}.
 */
final class ApiException extends Exception {
    private final int status;
    private final String allow;

    ApiException(int status, String message) {
        this(status, message, null, null);
    }

    ApiException(int status, String message, Throwable cause) {
        this(status, message, null, cause);
    }

    private ApiException(int status, String message, String allow, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.allow = allow;
    }

    /**
     * @param allowed the method the path accepts
     * @param method  the method used
     * @param path    the path
     * @return a 405 that carries an Allow header
     */
    static ApiException methodNotAllowed(String allowed, String method, String path) {
        return new ApiException(405, "method " + method + " is not allowed on " + path + "; use " + allowed, allowed, null);
    }

    int status() {
        return status;
    }

    /** @return the Allow header's value for a 405, else null */
    String allow() {
        return allow;
    }
}
