package dev.slant.datasets.cli;

/** The exit codes of every {@code slant} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Any failure not covered below (I/O error, bug). */
    public static final int FAILURE = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Bad input data (sysexits' EX_DATAERR): a bad record in strict mode, a malformed or foreign file. */
    public static final int DATA = 65;

    private ExitCodes() {
    }
}
