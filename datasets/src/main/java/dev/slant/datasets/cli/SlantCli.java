package dev.slant.datasets.cli;

import dev.slant.datasets.io.BadRecordException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code slant} command line. Its subcommands come from every {@link SubcommandProvider} on the class path.
 * Exit codes: {@link ExitCodes}.
 */
@Command(name = "slant", mixinStandardHelpOptions = true, versionProvider = SlantVersion.class,
        description = "Classify political news by topic and stance.",
        subcommandsRepeatable = false)
public final class SlantCli implements Runnable {

    /** Libraries whose INFO logging would drown the progress lines (held here so the settings stay in force). */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
            java.util.logging.Logger.getLogger("org.tribuo"),
            java.util.logging.Logger.getLogger("com.oracle.labs.mlrg.olcut"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /**
     * Builds the command line with every subcommand on the class path.
     *
     * @param out where results go
     * @param err where messages go
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SlantCli());
        for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
            for (Object sub : provider.subcommands()) {
                cli.addSubcommand(sub);
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(SlantCli::handle);
        return cli;
    }

    /**
     * Runs one command line and returns its exit code; never exits the JVM.
     *
     * @param out  where results go
     * @param err  where messages go
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine(out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof BadRecordException || e instanceof BadInputException) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.DATA;
        }
        if (e instanceof UncheckedIOException || e instanceof java.io.IOException) {
            err.println(name + ": " + describe(e));
            return ExitCodes.FAILURE;
        }
        err.println(name + ": " + describe(e));
        if (System.getenv("SLANT_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set SLANT_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.FAILURE;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("\n  caused by: ").append(c.getMessage() == null ? c.toString() : c.getMessage());
        }
        return sb.toString();
    }

    /**
     * The entry point; the only place that exits the JVM.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }
}
