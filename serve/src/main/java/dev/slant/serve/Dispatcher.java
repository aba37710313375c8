package dev.slant.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first of the service's handlers: it names each request's {@link Endpoint}, counts every answer in the
 * metrics (whoever gives it: this handler, Jetty's queue with its 503, or an error with its 500), refuses what is
 * wrong before any work (404, 405, 415, 413, and 403 for a foreign {@code Host} on a loopback server), and reads
 * bodies without holding a thread ({@link BodyReader}). Only then does a request go on, with its route and body as
 * attributes, to the queue and {@link ApiHandler}; so a slow client never holds a worker.
 */
final class Dispatcher extends Handler.Wrapper {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /** The request attribute holding its {@link Endpoint.Route}. */
    static final String ROUTE = "dev.slant.serve.route";
    /** The request attribute holding its body, a {@code byte[]}, for endpoints that read one. */
    static final String BODY = "dev.slant.serve.body";

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final ServeSettings settings;
    private final ServeMetrics metrics;
    private final PageFiles page;
    private final BodyReader.Budget budget;
    private final boolean loopback;

    Dispatcher(ServeSettings settings, ServeMetrics metrics, PageFiles page, BodyReader.Budget budget, Handler next) {
        super(next);
        this.settings = settings;
        this.metrics = metrics;
        this.page = page;
        this.budget = budget;
        this.loopback = isLoopback(settings.host());
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean handle(Request request, Response original, Callback callback) {
        String path = Request.getPathInContext(request);
        List<Endpoint.Route> routes = Endpoint.of(path, page.has(path));
        String label = routes.isEmpty() ? Endpoint.OTHER : routes.get(0).endpoint().path;
        Count count = new Count(label, request.getHeadersNanoTime());
        Response response = new CountedResponse(request, original, count);
        Callback counted = new Counted(callback, count, response);
        try {
            if (loopback && !sameHost(request)) {
                // A page of another site whose name now points at 127.0.0.1 (DNS rebinding) is refused.
                return refuse(request, response, counted, new ApiException(403, "this server answers requests to "
                        + "localhost or its loopback address only; the Host header names another"));
            }
            if (routes.isEmpty()) {
                return refuse(request, response, counted, new ApiException(404, "no such path: " + path));
            }
            String method = request.getMethod();
            String wanted = method.equals("HEAD") ? "GET" : method;
            Endpoint.Route route = null;
            for (Endpoint.Route r : routes) {
                if (r.endpoint().method.equals(wanted)) {
                    route = r;
                }
            }
            if (route == null) {
                return refuse(request, response, counted, ApiException.methodNotAllowed(Endpoint.allow(routes), method, path));
            }
            Endpoint endpoint = route.endpoint();
            request.setAttribute(ROUTE, route);
            if (endpoint == Endpoint.PAGE) {
                page.serve(request, response, counted);
                return true;
            }
            if (endpoint.body == Endpoint.Body.NONE) {
                return forward(request, response, counted);
            }
            RequestBody.requireType(request, endpoint.body);
            BodyReader.read(request, settings.maxBody(), settings, budget, new BodyReader.Outcome() {
                @Override
                public void body(byte[] body) {
                    request.setAttribute(BODY, body);
                    forward(request, response, releasing(counted, body.length));
                }

                @Override
                public void refused(ApiException refusal, boolean drained) {
                    Reply.error(refusal).send(request, response, counted);
                }

                @Override
                public void gone(Throwable failure) {
                    counted.failed(failure);
                }
            });
            return true;
        } catch (ApiException e) {
            return refuse(request, response, counted, e);
        }
    }

    /** Hands the request to the queue and {@link ApiHandler}, from whichever thread has its body. */
    private boolean forward(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Reply.error(new ApiException(404, "no such path: " + Request.getPathInContext(request)))
                        .send(request, response, callback);
            }
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, "request " + request.getMethod() + " " + Request.getPathInContext(request) + " failed", t);
            callback.failed(t);
        }
        return true;
    }

    /** Answers a refusal once any body has been read and dropped (up to {@link BodyReader#SWALLOW_LIMIT}). */
    private boolean refuse(Request request, Response response, Callback callback, ApiException refusal) {
        BodyReader.drop(request, refusal, settings, budget, new BodyReader.Outcome() {
            @Override
            public void body(byte[] body) {
                throw new IllegalStateException("a dropped body has no outcome but its refusal");
            }

            @Override
            public void refused(ApiException why, boolean drained) {
                Reply.error(why).send(request, response, callback);
            }

            @Override
            public void gone(Throwable failure) {
                callback.failed(failure);
            }
        });
        return true;
    }

    /** @return the callback, releasing a body's bytes from the budget first, however the request ends */
    private Callback releasing(Callback callback, long bytes) {
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                budget.release(bytes);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                budget.release(bytes);
                super.failed(x);
            }
        };
    }

    private static boolean sameHost(Request request) {
        String host = request.getHttpURI().getHost();
        return host == null || host.isEmpty() || LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }

    /** One request's entry in the metrics, made once: when its answer's last bytes go out, or when it fails. */
    private final class Count {
        private final String label;
        private final long start;
        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();

        Count(String label, long start) {
            this.label = label;
            this.start = start;
        }

        void record(int status) {
            if (done.compareAndSet(false, true)) {
                metrics.record(label, status, System.nanoTime() - start);
            }
        }
    }

    /**
     * Counts an answer as its last write starts, before the client can read it: so a client that has its answer
     * also finds it in {@code /metrics}. Every answer goes through here, the queue's 503 included.
     */
    private static final class CountedResponse extends Response.Wrapper {
        private final Count count;

        CountedResponse(Request request, Response response, Count count) {
            super(request, response);
            this.count = count;
        }

        @Override
        public void write(boolean last, java.nio.ByteBuffer content, Callback callback) {
            if (last) {
                count.record(getStatus());
            }
            super.write(last, content, callback);
        }
    }

    /** Counts an answer that ended without a last write (a 304), or a failure. */
    private static final class Counted extends Callback.Nested {
        private final Count count;
        private final Response response;

        Counted(Callback callback, Count count, Response response) {
            super(callback);
            this.count = count;
            this.response = response;
        }

        @Override
        public void succeeded() {
            count.record(response.getStatus());
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            // A client that left (its connection failed) gets nothing; anything else gets Jetty's 500.
            count.record(x instanceof IOException ? ServeMetrics.CLIENT_CLOSED : 500);
            super.failed(x);
        }
    }
}
