package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An output that cannot be written, with a one-line message naming the output as the user gave it (never a
 * temporary file): {@code cannot write OUTPUT: REASON}. The command line prints the message alone and exits
 * with 1.
 */
public class CannotWriteException extends IOException {
    private final transient Path output;

    /**
     * @param output the output as the user gave it
     * @param reason why it cannot be written
     * @param cause  the underlying error, or null
     */
    public CannotWriteException(Path output, String reason, Throwable cause) {
        super("cannot write " + output + ": " + reason, cause);
        this.output = Objects.requireNonNull(output, "output");
    }

    /** @return the output as the user gave it */
    public Path output() {
        return output;
    }

    /**
     * Wraps an I/O error met while writing an output; an error that already names the output is returned as is.
     *
     * @param output the output as the user gave it
     * @param e      the error
     * @return the error naming the output
     */
    static CannotWriteException of(Path output, IOException e) {
        if (e instanceof CannotWriteException c) {
            return c;
        }
        return new CannotWriteException(output, reason(e), e);
    }

    /**
     * The reason an I/O error gives, without the file names it carries (they may be a temporary file's).
     *
     * @param e the error
     * @return the reason
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
