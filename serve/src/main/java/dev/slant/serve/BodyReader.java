package dev.slant.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body without holding a thread while the client is slow: each time Jetty has bytes it
 * runs {@link #run()}, which takes them and asks to be called again ({@link Request#demand}), so a client that
 * pauses or trickles holds a connection and a few bytes, never a worker.
 *
 * <p>Bounds: the body must not exceed its limit (413; by its {@code Content-Length} before reading, and while
 * reading one that is chunked or longer than it said); it must not pause longer than the body timeout, and once
 * it has been arriving for that long its average rate must be at least the minimum rate (408 for either); every
 * body being read or waiting to be handled counts against one shared {@link Budget} of memory (503 when it is
 * spent). A body that ends before its {@code Content-Length} gets 400. Refused bodies are read on and dropped up
 * to {@link #SWALLOW_LIMIT} before the answer, so that a client still sending gets the answer rather than a reset.
 *
 * <p>Exactly one of the {@link Outcome}'s methods is called, once, from a Jetty thread or the scheduler's.
 */
final class BodyReader implements Runnable {
    /**
     * The most unread body bytes dropped before a refusal is answered (Tomcat's maxSwallowSize is the same idea and
     * value): closing a socket with unread input resets the connection, and the client may lose the answer.
     */
    static final long SWALLOW_LIMIT = 2L << 20;
    private static final int FIRST_BUFFER = 16 * 1024;

    /** What becomes of a body. */
    interface Outcome {
        /**
         * The body arrived whole and within its bounds. Its bytes stay counted against the {@link Budget} until the
         * caller releases {@code body.length} of them, when the request ends.
         *
         * @param body the body
         */
        void body(byte[] body);

        /**
         * The body is refused.
         *
         * @param refusal why, with the status to answer
         * @param drained whether the whole body was read (the connection may then stay open)
         */
        void refused(ApiException refusal, boolean drained);

        /**
         * The client's connection failed or closed: nobody is left to answer.
         *
         * @param failure what Jetty reported
         */
        void gone(Throwable failure);
    }

    /** Bytes of request bodies held in memory at once, by every request together. */
    static final class Budget {
        private final long limit;
        private final AtomicLong held = new AtomicLong();

        /** @param limit the most bytes held at once */
        Budget(long limit) {
            this.limit = limit;
        }

        boolean reserve(long n) {
            while (true) {
                long now = held.get();
                if (now + n > limit) {
                    return false;
                }
                if (held.compareAndSet(now, now + n)) {
                    return true;
                }
            }
        }

        void release(long n) {
            held.addAndGet(-n);
        }

        /** @return bytes held now */
        long held() {
            return held.get();
        }

        /** @return the most bytes held at once */
        long limit() {
            return limit;
        }
    }

    private final Request request;
    private final long limit;
    private final long timeoutNanos;
    private final long minRate;
    private final Budget budget;
    private final Outcome outcome;
    private final Scheduler scheduler;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final long declared;
    private final long start = System.nanoTime();

    // Guarded by this.
    private byte[] buffer;
    private int size;
    private long reserved;
    private long received;
    private long last = start;
    private ApiException refusal;
    private Scheduler.Task timer;

    private BodyReader(Request request, long limit, ServeSettings settings, Budget budget, Outcome outcome) {
        this.request = request;
        this.limit = limit;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.bodyTimeoutMs());
        this.minRate = settings.minBodyRate();
        this.budget = budget;
        this.outcome = outcome;
        this.scheduler = request.getComponents().getScheduler();
        this.declared = request.getLength();
    }

    /**
     * Starts reading a body; the outcome comes later, or before this returns.
     *
     * @param request  the request
     * @param limit    the most bytes the body may have
     * @param settings the body timeout and minimum rate
     * @param budget   the memory every body shares
     * @param outcome  what to do with the body, or with its refusal
     */
    static void read(Request request, long limit, ServeSettings settings, Budget budget, Outcome outcome) {
        new BodyReader(request, limit, settings, budget, outcome).start(null);
    }

    /**
     * Reads a body only to drop it, up to {@link #SWALLOW_LIMIT}, then answers the refusal. A body declared larger
     * than that is not read at all.
     *
     * @param request  the request
     * @param refusal  the answer to give once the body is read
     * @param settings the body timeout and minimum rate
     * @param budget   unused by a body that is dropped, but kept for symmetry
     * @param outcome  called with the refusal
     */
    static void drop(Request request, ApiException refusal, ServeSettings settings, Budget budget, Outcome outcome) {
        new BodyReader(request, SWALLOW_LIMIT, settings, budget, outcome).start(refusal);
    }

    private void start(ApiException refuse) {
        Runnable then;
        synchronized (this) {
            refusal = refuse;
            if (refusal == null && declared > limit) {
                refusal = tooLarge(declared + " bytes");
            }
            if (refusal != null && declared > SWALLOW_LIMIT) {
                // Too much to read just to drop it: answer now, and the connection closes.
                then = finish(null, false);
            } else {
                if (refusal == null) {
                    // Small at first, whatever the client announced: memory follows the bytes that really come.
                    buffer = new byte[(int) Math.max(1, Math.min(declared >= 0 ? declared : limit, FIRST_BUFFER))];
                }
                schedule(System.nanoTime());
                then = null;
            }
        }
        if (then != null) {
            then.run();
        } else {
            run();
        }
    }

    /** Takes what Jetty has; asks to be called again when more comes. */
    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (finished.get()) {
                if (chunk != null) {
                    chunk.release();
                }
                return;
            }
            if (chunk == null) {
                request.demand(this);
                return;
            }
            Runnable then;
            if (Content.Chunk.isFailure(chunk)) {
                then = failed(chunk);
            } else {
                try {
                    then = take(chunk);
                } finally {
                    chunk.release();
                }
            }
            if (then != null) {
                // Outside the lock: handling the body may take a while, and the timer must not wait for it.
                then.run();
                return;
            }
        }
    }

    /** @return what to do now that the reading is over, or null to read on */
    private Runnable take(Content.Chunk chunk) {
        synchronized (this) {
            int n = chunk.remaining();
            last = System.nanoTime();
            received += n;
            if (refusal != null) {
                if (received > SWALLOW_LIMIT) {
                    return finish(null, false);
                }
            } else if (n > 0) {
                if (size + (long) n > limit) {
                    refusal = tooLarge("more than " + limit + " bytes");
                    releaseBuffer();
                    if (received > SWALLOW_LIMIT) {
                        return finish(null, false);
                    }
                } else if (!budget.reserve(n)) {
                    refusal = new ApiException(503, "the server holds as many request bodies as it may ("
                            + budget.limit() + " bytes); try again shortly");
                    releaseBuffer();
                    return finish(null, false);
                } else {
                    reserved += n;
                    if (size + n > buffer.length) {
                        long grown = Math.min(limit, Math.max(size + (long) n, 2L * buffer.length));
                        if (declared >= size + (long) n) {
                            grown = Math.min(grown, declared);
                        }
                        buffer = Arrays.copyOf(buffer, (int) grown);
                    }
                    chunk.getByteBuffer().get(buffer, size, n);
                    size += n;
                }
            }
            if (chunk.isLast()) {
                return finish(refusal == null ? (size == buffer.length ? buffer : Arrays.copyOf(buffer, size)) : null, true);
            }
            if (minRate > 0 && tooSlow(last)) {
                return refuseSlow();
            }
            return null;
        }
    }

    private Runnable failed(Content.Chunk chunk) {
        Throwable failure = chunk.getFailure();
        synchronized (this) {
            if (!chunk.isLast() || failure instanceof TimeoutException) {
                // Jetty's own idle timeout while the body was awaited.
                return refuseSlow();
            }
            if (failure instanceof EofException && declared > 0 && received < declared) {
                // The client ended its side of the connection before the body it announced.
                if (refusal == null) {
                    refusal = new ApiException(400, "the request body ended early: " + received + " of its "
                            + declared + " bytes arrived");
                    releaseBuffer();
                }
                return finish(null, false);
            }
            if (!finished.compareAndSet(false, true)) {
                return () -> { };
            }
            cleanUp();
            return () -> outcome.gone(failure);
        }
    }

    /** The scheduler's check: a body that paused too long or is too slow gets 408; else checks again later. */
    private void check() {
        Runnable then = null;
        synchronized (this) {
            if (finished.get()) {
                return;
            }
            long now = System.nanoTime();
            if (now - last >= timeoutNanos || (minRate > 0 && tooSlow(now))) {
                then = refuseSlow();
            } else {
                schedule(now);
            }
        }
        if (then != null) {
            then.run();
        }
    }

    /** Whether the body, having been arriving for at least the timeout, averages less than the minimum rate. */
    private boolean tooSlow(long now) {
        long elapsed = now - start;
        return elapsed >= timeoutNanos && received * 1e9 < (double) minRate * elapsed;
    }

    private void schedule(long now) {
        long next = last + timeoutNanos;
        if (minRate > 0) {
            // When the average falls below the minimum if nothing more comes, but not before the timeout.
            long slowAt = start + Math.max(timeoutNanos, (long) Math.ceil(received * 1e9 / minRate) + 1);
            next = Math.min(next, slowAt);
        }
        timer = scheduler.schedule(this::check, Math.max(1, next - now), TimeUnit.NANOSECONDS);
    }

    private Runnable refuseSlow() {
        if (refusal == null) {
            double seconds = (System.nanoTime() - start) / 1e9;
            refusal = new ApiException(408, String.format(Locale.ROOT,
                    "the request body came too slowly: %d%s bytes in %.1f s (pauses of at most %.1f s%s)", received,
                    declared >= 0 ? " of " + declared : "", seconds, timeoutNanos / 1e9,
                    minRate > 0 ? ", at least " + minRate + " bytes/s after that" : ""));
            releaseBuffer();
        }
        return finish(null, false);
    }

    /**
     * Ends the reading once: the body, or the refusal. Holds the lock.
     *
     * @return the outcome to call once the lock is let go (does nothing if the reading had ended already)
     */
    private Runnable finish(byte[] body, boolean drained) {
        if (!finished.compareAndSet(false, true)) {
            return () -> { };
        }
        if (timer != null) {
            timer.cancel();
        }
        if (body != null) {
            // The body's reservation passes to the caller, who releases body.length bytes when the request ends.
            reserved = 0;
            return () -> outcome.body(body);
        }
        cleanUp();
        ApiException why = refusal;
        return () -> outcome.refused(why, drained);
    }

    private void cleanUp() {
        if (timer != null) {
            timer.cancel();
        }
        releaseBuffer();
    }

    private void releaseBuffer() {
        budget.release(reserved);
        reserved = 0;
        buffer = null;
        size = 0;
    }

    private ApiException tooLarge(String what) {
        return new ApiException(413, "the request body of " + what + " exceeds the limit of " + limit + " bytes");
    }
}
