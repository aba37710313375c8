package dev.slant.datasets.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;

/**
 * Items from a source, each worked on by one of N threads, handed back in the source's order: one thread takes
 * items from the source, the workers take them in turn, and {@link #next()} waits for each item's result in order.
 * What is in flight is bounded twice: by count (a queue) and by weight (bytes, say: a budget that an item takes
 * when the source yields it and gives back when its result is taken; an item heavier than the whole budget waits
 * until nothing else is in flight). A failure of the source or of a worker is thrown by {@link #next()} at the
 * failed item's place, after every result before it.
 *
 * <p>With 0 threads, {@link #next()} takes the item and works on it on the caller's thread.
 *
 * @param <C> the items
 * @param <R> the results
 */
public final class OrderedPipeline<C, R> implements Closeable {

    /** Where items come from: called on one thread at a time. */
    @FunctionalInterface
    public interface Source<C> {
        /**
         * @return the next item, or null after the last
         * @throws IOException on I/O failure
         */
        C next() throws IOException;
    }

    /** What is done to each item: called on the worker threads, for different items at once. */
    @FunctionalInterface
    public interface Work<C, R> {
        /**
         * @param item an item
         * @return its result, not null
         * @throws IOException on I/O failure
         */
        R apply(C item) throws IOException;
    }

    private static final Slot<?, ?> POISON = new Slot<>(null, 0);

    private final Source<C> source;
    private final Work<C, R> work;
    private final ToIntFunction<C> weight;
    private final int threads;
    private final int budget;
    private final BlockingQueue<Slot<C, R>> ordered;
    private final BlockingQueue<Slot<C, R>> queued = new LinkedBlockingQueue<>();
    private final Semaphore permits;
    private final List<Thread> workers = new ArrayList<>();
    private Thread producer;
    private volatile boolean closed;
    /** Whether the producer is inside {@link Source#next()}, where it may be blocked on input and deaf to interrupts. */
    private volatile boolean producing;
    private boolean finished;

    /**
     * @param name    names the threads
     * @param source  the items
     * @param work    what each item becomes
     * @param weight  an item's weight, 0 or more
     * @param threads worker threads; 0 to work on the caller's thread
     * @param queue   items in flight at most (with 1 or more threads), 1 or more
     * @param budget  the weight in flight at most, 1 or more
     */
    public OrderedPipeline(String name, Source<C> source, Work<C, R> work, ToIntFunction<C> weight, int threads,
            int queue, int budget) {
        this.source = Objects.requireNonNull(source, "source");
        this.work = Objects.requireNonNull(work, "work");
        this.weight = Objects.requireNonNull(weight, "weight");
        if (threads < 0 || queue < 1 || budget < 1) {
            throw new IllegalArgumentException("threads " + threads + ", queue " + queue + " and budget " + budget
                    + ": threads must be 0 or more, the others 1 or more");
        }
        this.threads = threads;
        this.budget = budget;
        this.ordered = new ArrayBlockingQueue<>(queue + 1);
        this.permits = new Semaphore(budget);
        if (threads > 0) {
            producer = new Thread(this::produce, name + "-split");
            producer.setDaemon(true);
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(this::serve, name + "-" + (i + 1));
                t.setDaemon(true);
                workers.add(t);
            }
            workers.forEach(Thread::start);
            producer.start();
        }
    }

    /** An item, and then its result or failure. */
    private static final class Slot<C, R> {
        C item;
        final int weight;
        R result;
        Throwable failure;
        boolean end;
        final CountDownLatch done = new CountDownLatch(1);

        Slot(C item, int weight) {
            this.item = item;
            this.weight = weight;
        }
    }

    private void produce() {
        try {
            while (!closed) {
                producing = true;
                C item;
                try {
                    item = source.next();
                } finally {
                    producing = false;
                }
                if (closed) {
                    return;
                }
                if (item == null) {
                    Slot<C, R> end = new Slot<>(null, 0);
                    end.end = true;
                    end.done.countDown();
                    ordered.put(end);
                    return;
                }
                int w = Math.min(Math.max(weight.applyAsInt(item), 0), budget);
                permits.acquire(w);
                Slot<C, R> slot = new Slot<>(item, w);
                ordered.put(slot);
                queued.put(slot);
            }
        } catch (InterruptedException e) {
            // Closed.
        } catch (Throwable t) {
            Slot<C, R> failed = new Slot<>(null, 0);
            failed.failure = t;
            failed.end = true;
            failed.done.countDown();
            try {
                ordered.put(failed);
            } catch (InterruptedException e) {
                // Closed.
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void serve() {
        try {
            while (true) {
                Slot<C, R> slot = queued.take();
                if (slot == POISON) {
                    return;
                }
                try {
                    slot.result = Objects.requireNonNull(work.apply(slot.item), "result");
                } catch (Throwable t) {
                    slot.failure = t;
                }
                slot.item = null;
                slot.done.countDown();
            }
        } catch (InterruptedException e) {
            // Closed.
        }
    }

    /**
     * @return the next result in the source's order, or null after the last
     * @throws IOException          if the source failed there, or the work threw it
     * @throws InterruptedIOException if the calling thread is interrupted while waiting
     */
    public R next() throws IOException {
        if (finished) {
            return null;
        }
        if (threads == 0) {
            C item = source.next();
            if (item == null) {
                finished = true;
                return null;
            }
            return work.apply(item);
        }
        Slot<C, R> slot;
        try {
            slot = ordered.take();
            slot.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException stop = new InterruptedIOException("interrupted while waiting for the next chunk");
            stop.initCause(e);
            throw stop;
        }
        permits.release(slot.weight);
        if (slot.end) {
            finished = true;
        }
        if (slot.failure != null) {
            finished = true;
            throw rethrow(slot.failure);
        }
        return slot.end ? null : slot.result;
    }

    private static RuntimeException rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /**
     * Stops the threads and waits for them; the producer is not waited for while it is blocked reading the source
     * (a pipe may never answer): it ends, a daemon, once its read returns. Close the source after this.
     */
    @SuppressWarnings("unchecked")
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        if (threads == 0) {
            return;
        }
        for (int i = 0; i < workers.size(); i++) {
            queued.add((Slot<C, R>) POISON);
        }
        workers.forEach(Thread::interrupt);
        producer.interrupt();
        boolean interrupted = false;
        List<Thread> waited = new ArrayList<>(workers);
        for (Thread t : waited) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        while (producer.isAlive() && !producing) {
            try {
                producer.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
            producer.interrupt();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
