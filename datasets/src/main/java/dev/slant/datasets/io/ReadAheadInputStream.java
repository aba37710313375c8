package dev.slant.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a thread of its own, a few chunks ahead of the reader: for a decompressor, whose work then runs
 * beside the parser's instead of before it. Whatever the source throws is thrown, the same exception, to the reader
 * at the point in the stream where it happened, so a truncated or corrupt input fails as it would without the
 * thread. (Commons IO's {@code ReadAheadInputStream} 2.20 was tried first: it ends a truncated gzip stream as if it
 * had ended normally, losing the error.) Memory is bounded by the chunks in flight. Not for use by more than one
 * reading thread.
 */
final class ReadAheadInputStream extends InputStream {
    /** Marks the end of the source in the queue. */
    private static final byte[] END = new byte[0];

    private final InputStream source;
    private final int chunkSize;
    /** Full chunks ({@code byte[]}), then {@link #END} or the source's {@link Throwable}. */
    private final BlockingQueue<Object> ready;
    private final Thread thread;
    private byte[] current = new byte[0];
    private int position;
    private int limit;
    /** Set once the end or a failure has been taken from the queue; kept for every later read. */
    private Object last;
    private volatile boolean closed;

    /**
     * Starts reading the source.
     *
     * @param source    the stream, read only by this object's thread from now on, and closed by {@link #close()}
     * @param chunkSize bytes per chunk, 1 or more
     * @param chunks    chunks read ahead at most, 1 or more
     * @param name      the thread's name
     */
    ReadAheadInputStream(InputStream source, int chunkSize, int chunks, String name) {
        this.source = Objects.requireNonNull(source, "source");
        if (chunkSize < 1 || chunks < 1) {
            throw new IllegalArgumentException(
                    "chunk size and chunks must be at least 1, got " + chunkSize + " and " + chunks);
        }
        this.chunkSize = chunkSize;
        this.ready = new ArrayBlockingQueue<>(chunks + 1);
        this.thread = new Thread(this::fill, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The thread: reads chunks until the end, a failure, or {@link #close()}. */
    private void fill() {
        try {
            while (!closed) {
                byte[] chunk = new byte[chunkSize];
                int n = source.readNBytes(chunk, 0, chunkSize);
                if (n > 0) {
                    ready.put(n == chunkSize ? chunk : java.util.Arrays.copyOf(chunk, n));
                }
                if (n < chunkSize) {
                    ready.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() stops the thread; nobody reads any more.
        } catch (Throwable t) {
            if (!closed) {
                try {
                    ready.put(t);
                } catch (InterruptedException e) {
                    // Closed meanwhile.
                }
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (position == limit && !next()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Takes the next chunk: false at the end; throws the source's failure where it happened. */
    private boolean next() throws IOException {
        Object taken = last;
        if (taken == null) {
            try {
                taken = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException stop = new InterruptedIOException("interrupted while reading ahead");
                stop.initCause(e);
                throw stop;
            }
        }
        if (taken instanceof byte[] chunk && chunk != END) {
            current = chunk;
            position = 0;
            limit = chunk.length;
            return true;
        }
        last = taken;
        if (taken instanceof IOException e) {
            throw e;
        }
        if (taken instanceof RuntimeException e) {
            throw e;
        }
        if (taken instanceof Error e) {
            throw e;
        }
        if (taken instanceof Throwable t) {
            throw new IOException(t);
        }
        return false;
    }

    /** Stops the thread, waits for it, and closes the source. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        ready.clear();
        source.close();
    }
}
