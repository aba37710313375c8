package dev.slant.datasets.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Receives each record a {@link ReadMode#LENIENT} reader skips, with the reason. */
public interface RejectSink extends Closeable {

    /** A sink that discards (the records are still counted in the {@link ReadReport}). */
    RejectSink NONE = new RejectSink() {
        @Override
        public void reject(RecordProblem problem, List<String> rawFields) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Takes one rejected record.
     *
     * @param problem   where and why
     * @param rawFields the record's fields as read (may be incomplete when the record could not be parsed)
     * @throws IOException if the sink cannot be written
     */
    void reject(RecordProblem problem, List<String> rawFields) throws IOException;
}
