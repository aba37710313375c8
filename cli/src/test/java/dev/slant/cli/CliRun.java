package dev.slant.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code slant} command line in a test, its output captured (every module's CLI tests use it).
 *
 * @param code the exit code
 * @param out  what went to stdout
 * @param err  what went to stderr
 */
public record CliRun(int code, String out, String err) {
    /**
     * @param args the arguments
     * @return the run
     */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SlantCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
