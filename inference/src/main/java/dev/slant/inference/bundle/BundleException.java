package dev.slant.inference.bundle;

import java.nio.file.Path;
import java.util.Objects;

/** A bundle file cannot be read or written: the message names the file and what is wrong with it. */
public final class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The file. */
    private final transient Path file;
    /** What is wrong, without the file name. */
    private final String problem;

    /**
     * @param file    the bundle file
     * @param problem what is wrong
     * @param cause   the underlying error, or null
     */
    public BundleException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * @param file    the bundle file
     * @param problem what is wrong
     */
    public BundleException(Path file, String problem) {
        this(file, problem, null);
    }

    /** @return the bundle file */
    public Path file() {
        return file;
    }

    /** @return what is wrong, without the file name */
    public String problem() {
        return problem;
    }
}
