package dev.slant.datasets.io;

/**
 * Two of a command's files are one, and writing one would replace (or write into) the other: a usage error, which
 * the command line reports in one line with exit code 2. Thrown by {@link DistinctFiles#verify()}.
 */
public class SameFileException extends IllegalArgumentException {
    /** @param message naming both options and the file */
    public SameFileException(String message) {
        super(message);
    }
}
