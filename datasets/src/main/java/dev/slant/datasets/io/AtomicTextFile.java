package dev.slant.datasets.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the text-file writers share (articles as CSV or JSONL, rejects): an {@link AtomicOutput} under them, a
 * count of rows written, a commit that flushes the format first, and a close that discards an uncommitted file.
 */
abstract class AtomicTextFile implements Closeable {
    /** Where the text goes; write to its {@link AtomicOutput#writer()}. */
    final AtomicOutput out;
    private long written;

    AtomicTextFile(AtomicOutput out) {
        this.out = out;
    }

    /** Makes one writer on an opened output. */
    @FunctionalInterface
    interface Maker<T> {
        T make(AtomicOutput out) throws IOException;
    }

    /**
     * Opens the target and makes a writer on it; if that fails, no file is left.
     *
     * @throws IOException if the target cannot be started
     */
    static <T extends AtomicTextFile> T open(Path target, Maker<T> maker) throws IOException {
        AtomicOutput out = AtomicOutput.open(target);
        try {
            return maker.make(out);
        } catch (IOException | RuntimeException e) {
            IoFailures.closeAfter(e, out);
            throw e;
        }
    }

    /**
     * Writes into {@link AtomicOutput#writer()} whatever the format still buffers.
     *
     * @throws IOException if that fails
     */
    abstract void flushFormat() throws IOException;

    /** Counts one row written. */
    final void counted() {
        written++;
    }

    /** @return the rows written so far (the header not counted) */
    public long written() {
        return written;
    }

    /**
     * Completes the file and puts it in place.
     *
     * @throws IOException if it cannot be completed (no file is left then)
     */
    public void commit() throws IOException {
        flushFormat();
        out.commit();
    }

    /**
     * Ends the writer; without a commit, no file is left and the target is untouched.
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
