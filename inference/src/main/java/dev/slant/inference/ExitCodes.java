package dev.slant.inference;

import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.BadRecordException;
import dev.slant.datasets.io.CannotWriteException;
import dev.slant.inference.bundle.BundleException;
import java.io.PrintWriter;

/**
 * The exit codes of Slant's programs (the {@code slant} command line and the Spark job), and the one rule that maps a
 * failure to its code and its message. The codes follow sysexits where one fits.
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Any failure not covered below (I/O error, out of memory, bug). */
    public static final int FAILURE = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Bad input data (sysexits' EX_DATAERR): a bad record in strict mode, a malformed or foreign file. */
    public static final int DATA = 65;

    private ExitCodes() {
    }

    /**
     * @param failure what a command threw
     * @return {@link #FAILURE} for an output that cannot be written (a {@link CannotWriteException}, or a failure
     *         it caused, such as a bundle's), {@link #DATA} for bad input (a bad record, a bad file, a bad bundle),
     *         {@link #USAGE} for an argument refused by a library's validation, else {@link #FAILURE}
     */
    public static int of(Throwable failure) {
        if (cannotWrite(failure) != null) {
            return FAILURE;
        }
        if (failure instanceof BadRecordException || failure instanceof BadInputException
                || failure instanceof BundleException) {
            return DATA;
        }
        if (failure instanceof IllegalArgumentException) {
            return USAGE;
        }
        return FAILURE;
    }

    /**
     * @param failure what a command threw
     * @return its message followed by one "caused by" line for each cause (for bad input, the message alone: it
     *         already names the file, record, line and column; for an output that cannot be written, the message
     *         alone: it names the output and the reason, and its cause may name a temporary file)
     */
    public static String describe(Throwable failure) {
        CannotWriteException output = cannotWrite(failure);
        if (output != null) {
            return message(output);
        }
        StringBuilder sb = new StringBuilder(message(failure));
        if (of(failure) == DATA) {
            return sb.toString();
        }
        for (Throwable c = failure.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("\n  caused by: ").append(message(c));
        }
        return sb.toString();
    }

    /**
     * Reports a failure the way every Slant program does: one line (and its causes) prefixed with the command's
     * name; for a failure that is not bad input or usage, the stack trace too when {@code SLANT_DEBUG} is set, else a
     * hint that it can be (but for an output that cannot be written, whose one line says all).
     *
     * @param failure what the command threw
     * @param command the command's name, such as "slant score"
     * @param err     where messages go
     * @return the exit code, {@link #of(Throwable)}
     */
    public static int report(Throwable failure, String command, PrintWriter err) {
        int code = of(failure);
        err.println(command + ": " + describe(failure));
        if (code == FAILURE) {
            if (System.getenv("SLANT_DEBUG") != null) {
                failure.printStackTrace(err);
            } else if (cannotWrite(failure) == null) {
                err.println("(set SLANT_DEBUG=1 for the stack trace)");
            }
        }
        err.flush();
        return code;
    }

    /** The output failure a failure is or was caused by, or null. */
    private static CannotWriteException cannotWrite(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotWriteException c) {
                return c;
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
