package dev.slant.datasets.io;

/**
 * Input data that cannot be used (a foreign or corrupt file, a missing corpus): the CLI prints the message and
 * exits with 65 (bad data).
 */
public class BadInputException extends RuntimeException {
    /**
     * @param message what is wrong, naming the file
     * @param cause   the underlying error, or null
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what is wrong, naming the file */
    public BadInputException(String message) {
        super(message);
    }
}
