package dev.slant.datasets.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * An output file that appears whole or not at all: everything is written to a temporary file in the target's
 * folder, which {@link #commit()} flushes, syncs to disk and renames over the target in one step. Closing
 * without a commit (an exception on the way, an early return) deletes the temporary file and leaves the target
 * as it was. Every output writer of the project writes through this class.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.open(target)) {
 *     out.writer().write("...");
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>What is replaced depends on what the target is ({@link OutputTarget}): a regular file or a new path is
 * replaced whole; a symbolic link is followed and the file it points to replaced whole, the link kept; a FIFO, a
 * device node (/dev/null) or a descriptor of the process (/dev/stdout, /dev/fd/N) is <em>written through</em>:
 * opened in place (appending) and written as the content comes, never renamed over, so whole-or-nothing cannot
 * hold there (a failed run leaves what it wrote); a folder is refused, and so is a regular file this user may not
 * write (read-only), though renaming over it would work. The temporary files are named
 * {@code .TARGET.PID-N.part}; those still being written are deleted if the JVM shuts down (SIGTERM), and stale
 * ones of killed runs are cleaned when the same target is written again ({@link TempFiles}).
 *
 * <p>Every I/O failure is a {@link CannotWriteException} naming the target as given, never the temporary file.
 * A target whose name ends in {@value #GZIP_SUFFIX} is gzip-compressed (use {@link #openUncompressed} for bytes
 * that are compressed already). Missing parent folders are created. Not thread-safe.
 */
public final class AtomicOutput implements Closeable {
    /** Targets named with this suffix are gzip-compressed. */
    public static final String GZIP_SUFFIX = ".gz";
    /** The suffix of the temporary file, which is named {@code .TARGET.PID-N.part} beside the target. */
    public static final String TEMP_SUFFIX = ".part";

    private static final int BUFFER_SIZE = TextInput.BUFFER_SIZE;

    private final Path given;
    private final OutputTarget where;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream file;
    private final BufferedOutputStream fileStream;
    private final GZIPOutputStream gzip;
    private final OutputStream content;
    private Writer writer;
    private boolean committed;
    private boolean discarded;

    private AtomicOutput(Path given, boolean compress) throws IOException {
        this.given = Objects.requireNonNull(given, "target");
        this.where = OutputTarget.of(given);
        if (where.kind() == OutputTarget.Kind.REPLACED) {
            if (Files.exists(where.file()) && !Files.isWritable(where.file())) {
                // Renaming over it would work (the folder is writable), but its owner made it read-only.
                throw new CannotWriteException(given, "the file is read-only", null);
            }
            Path dir = where.file().getParent();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new CannotWriteException(given, "cannot create its folder " + dir + ": " + CannotWriteException.reason(e), e);
            }
            TempFiles.cleanStale(where.file());
            TempFiles.Created created;
            try {
                created = TempFiles.create(where.file());
            } catch (IOException e) {
                throw new CannotWriteException(given, "cannot create a file in its folder " + dir + ": "
                        + CannotWriteException.reason(e), e);
            }
            this.temp = created.path();
            this.channel = created.channel();
            this.file = Channels.newOutputStream(channel);
        } else {
            this.temp = null;
            this.channel = null;
            try {
                this.file = Files.newOutputStream(given, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw CannotWriteException.of(given, e);
            }
        }
        try {
            this.fileStream = new BufferedOutputStream(new Naming(file), BUFFER_SIZE);
            this.gzip = compress ? new GZIPOutputStream(fileStream, BUFFER_SIZE) : null;
            this.content = new KeepOpen(gzip != null ? gzip : fileStream);
        } catch (IOException | RuntimeException e) {
            IoFailures.closeAfter(e, this);
            throw e;
        }
    }

    /**
     * Starts writing a target, gzip-compressed if its name ends in {@value #GZIP_SUFFIX}.
     *
     * @param target the file to write
     * @return the output; the caller commits and closes it
     * @throws CannotWriteException naming the target, if it is a folder or the temporary file cannot be created
     */
    public static AtomicOutput open(Path target) throws IOException {
        return new AtomicOutput(target, isGzipName(target));
    }

    /**
     * Starts writing a target as is, whatever its name.
     *
     * @param target the file to write
     * @return the output; the caller commits and closes it
     * @throws CannotWriteException naming the target, if it is a folder or the temporary file cannot be created
     */
    public static AtomicOutput openUncompressed(Path target) throws IOException {
        return new AtomicOutput(target, false);
    }

    /**
     * Fails now, naming the target, if writing it later would fail at the start: a folder, a read-only file, a
     * folder that cannot be created or written. Writes nothing (a temporary file is created and deleted; a target
     * written through is not opened, since opening a FIFO waits for its reader).
     *
     * @param target the file to write
     * @throws CannotWriteException naming the target, if it cannot be written
     */
    public static void checkWritable(Path target) throws CannotWriteException {
        OutputTarget where = OutputTarget.of(target);
        if (where.kind() == OutputTarget.Kind.WRITTEN_THROUGH) {
            if (!Files.isWritable(target)) {
                throw new CannotWriteException(target, "permission denied", null);
            }
            return;
        }
        try (AtomicOutput probe = openUncompressed(target)) {
            // Closed without a commit: the temporary file is deleted, the target untouched.
            probe.stream();
        } catch (CannotWriteException e) {
            throw e;
        } catch (IOException e) {
            throw CannotWriteException.of(target, e);
        }
    }

    /**
     * Writes a whole target in one call: opens it, runs the body, commits.
     *
     * @param target the file to write, gzip-compressed if its name ends in {@value #GZIP_SUFFIX}
     * @param body   writes the content
     * @throws IOException if writing fails (the target is then untouched, unless it is written through)
     */
    public static void write(Path target, Body body) throws IOException {
        try (AtomicOutput out = open(target)) {
            body.writeTo(out);
            out.commit();
        }
    }

    /** Writes the content of an {@link AtomicOutput}. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param out where to write; do not commit or close it
         * @throws IOException if writing fails
         */
        void writeTo(AtomicOutput out) throws IOException;
    }

    /**
     * @param file a file name or path
     * @return whether the name ends in {@value #GZIP_SUFFIX}, any case
     */
    public static boolean isGzipName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(GZIP_SUFFIX);
    }

    /** @return the target as given, made absolute */
    public Path target() {
        return given.toAbsolutePath();
    }

    /**
     * @return whether the target is written through (a FIFO, a device, a descriptor of the process): not whole
     *         or nothing
     */
    public boolean writtenThrough() {
        return where.kind() == OutputTarget.Kind.WRITTEN_THROUGH;
    }

    /** @return the temporary file being written, or null when the target is {@link #writtenThrough()} */
    public Path tempFile() {
        return temp;
    }

    /**
     * The content's bytes (compressed on the way when the target is gzip). Closing it only flushes; the file is
     * completed by {@link #commit()}. Do not mix it with {@link #writer()} without flushing the writer first.
     *
     * @return the stream
     */
    public OutputStream stream() {
        return content;
    }

    /**
     * A buffered UTF-8 writer over {@link #stream()}, the same one on every call. Closing it only flushes.
     *
     * @return the writer
     */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(content, StandardCharsets.UTF_8), BUFFER_SIZE);
        }
        return writer;
    }

    /** @return whether {@link #commit()} has completed */
    public boolean committed() {
        return committed;
    }

    /**
     * Completes the file: flushes, finishes the compression, syncs the file to disk, renames it over the target
     * and syncs the folder (a target written through is flushed and closed). On failure the temporary file is
     * deleted and the target left as it was.
     *
     * @throws CannotWriteException naming the target, if any step fails
     * @throws IllegalStateException if already committed or closed
     */
    public void commit() throws IOException {
        if (committed || discarded) {
            throw new IllegalStateException("output to " + target() + " is already " + (committed ? "committed" : "closed"));
        }
        try {
            if (writer != null) {
                writer.flush();
            }
            if (gzip != null) {
                gzip.finish();
            }
            fileStream.flush();
            if (channel == null) {
                file.close();
            } else {
                channel.force(true);
                channel.close();
                Files.move(temp, where.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                TempFiles.finished(temp);
            }
        } catch (IOException e) {
            CannotWriteException named = CannotWriteException.of(given, e);
            IoFailures.closeAfter(named, this);
            throw named;
        } catch (RuntimeException e) {
            IoFailures.closeAfter(e, this);
            throw e;
        }
        committed = true;
        if (channel != null) {
            syncFolder();
        }
    }

    /**
     * Ends the output: after a commit, nothing more to do; otherwise the temporary file is deleted and the target
     * left as it was (a target written through keeps what was written to it).
     *
     * @throws CannotWriteException naming the target, if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (committed || discarded) {
            return;
        }
        discarded = true;
        try {
            file.close();
            if (temp != null) {
                Files.deleteIfExists(temp);
                TempFiles.finished(temp);
            }
        } catch (IOException e) {
            throw CannotWriteException.of(given, e);
        }
    }

    /** Makes the rename durable; folders cannot be opened for syncing on every platform, so failure is ignored. */
    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(where.file().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file itself is synced and renamed; only the rename's durability across a crash is at stake.
            return;
        }
    }

    /** The file's bytes; an I/O error names the target as given (a disk full, a closed pipe). */
    private final class Naming extends FilterOutputStream {
        Naming(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw CannotWriteException.of(given, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw CannotWriteException.of(given, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw CannotWriteException.of(given, e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Passes writes through; close() only flushes, so that wrapping writers cannot close the file early. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(Objects.requireNonNull(out));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
