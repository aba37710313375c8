package dev.slant.cli;

import dev.slant.datasets.io.CsvRejectSink;
import dev.slant.datasets.io.DistinctFiles;
import dev.slant.datasets.io.ReadMode;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.RejectSink;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin: {@code --strict} and {@code --rejects FILE}, the rules for bad input records. */
public final class BadRecordOptions {
    @Option(names = "--strict", description = "Stop at the first bad record (default: skip it, count it, and report the counts).")
    boolean strict;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Write each skipped record with its reason to this CSV file (whole, when the read succeeds; "
            + "never a file the command reads or writes otherwise).")
    Path rejects;

    /**
     * The check that a command's files are distinct, holding the rejects file (none with {@code --strict}, which
     * writes none); the command adds its other files and calls {@link DistinctFiles#verify()} before it reads or
     * writes anything.
     *
     * @return the check
     */
    public DistinctFiles distinctFiles() {
        return new DistinctFiles().writes("--rejects", strict ? null : rejects);
    }

    /**
     * Opens the read options; the caller commits the returned sink after a successful read and closes it.
     *
     * @return the options and the sink they write to
     * @throws IOException if the rejects file cannot be created
     */
    public Opened open() throws IOException {
        if (strict || rejects == null) {
            return new Opened(new ReadOptions(strict ? ReadMode.STRICT : ReadMode.LENIENT, RejectSink.NONE), null);
        }
        CsvRejectSink sink = CsvRejectSink.open(rejects);
        return new Opened(new ReadOptions(ReadMode.LENIENT, sink), sink);
    }

    /**
     * Read options and the rejects file behind them.
     *
     * @param options the read options
     * @param sink    the rejects file, or null
     */
    public record Opened(ReadOptions options, CsvRejectSink sink) implements AutoCloseable {
        /**
         * Keeps the rejects file (call after the read succeeded).
         *
         * @throws IOException if it cannot be written
         */
        public void commit() throws IOException {
            if (sink != null) {
                sink.commit();
            }
        }

        @Override
        public void close() throws IOException {
            if (sink != null) {
                sink.close();
            }
        }
    }
}
