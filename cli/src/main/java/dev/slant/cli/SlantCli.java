package dev.slant.cli;

import dev.slant.inference.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code slant} command line: the root command and its subcommands. Exit codes and the messages of failures
 * follow {@link ExitCodes}; only {@link #main} exits the JVM.
 */
@Command(name = "slant", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = SlantVersionProvider.class,
        description = "Classify political news by topic and stance.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ScoreCommand.class, ServeCommand.class, ReportCommand.class,
                DatasetsCommand.class, TextCommand.class, BenchCommand.class})
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
     * Builds the command line.
     *
     * @param out where results go
     * @param err where messages go
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SlantCli());
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
        return ExitCodes.report(e, cmd.getCommandSpec().qualifiedName(), cmd.getErr());
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
