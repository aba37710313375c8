package dev.slant.spark;

import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.DataFormat;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantVersion;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.eval.TargetTally;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The job for {@code spark-submit}: {@code score} writes predictions, {@code evaluate} prints the figures of a
 * labelled input as {@code slant evaluate} prints them.
 *
 * <pre>
 * spark-submit --master yarn --class dev.slant.spark.SlantSparkJob --jars ... slant-spark.jar \
 *     score --model article-bias-media.slant --input hdfs:///news/2024/ --input-format json \
 *     --id-column id --title-column title --text-column text --output hdfs:///news/2024-slant --output-format parquet
 * </pre>
 */
@Command(name = "slant-spark", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = SlantSparkJob.Version.class,
        description = "Slant on Apache Spark: batch scoring and evaluation of a model bundle.",
        subcommands = {SlantSparkJob.Score.class, SlantSparkJob.Evaluate.class})
public final class SlantSparkJob implements Callable<Integer> {
    private final SparkSession session;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * @param session the session the commands run in, or null to take (or make) the active one when a command runs
     */
    public SlantSparkJob(SparkSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    SparkSession session() {
        return session != null ? session : SparkSession.builder().appName("slant").getOrCreate();
    }

    /**
     * Runs one command line; never exits the JVM.
     *
     * @param session the session, or null to take the active one (spark-submit's)
     * @param out     where results go
     * @param err     where messages go
     * @param args    the arguments
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SlantSparkJob(session));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(SlantSparkJob::handle);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return ExitCodes.report(e, cmd.getCommandSpec().qualifiedName(), cmd.getErr());
    }

    /**
     * The entry point for spark-submit; the only place that exits the JVM.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(null, out, err, args);
        } finally {
            SparkSession.getActiveSession().foreach(s -> {
                s.stop();
                return null;
            });
        }
        System.exit(code);
    }

    /** The version {@code --version} prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"slant-spark " + SlantVersion.version()};
        }
    }

    /** The file formats Spark reads and writes here; their names follow {@link DataFormat}'s one rule. */
    enum Format {
        CSV, JSON, PARQUET;

        static Format parse(String s, String option) {
            return switch (DataFormat.named(s, Set.of(DataFormat.CSV, DataFormat.JSONL, DataFormat.PARQUET), option)) {
                case CSV -> CSV;
                case JSONL -> JSON;
                default -> PARQUET;
            };
        }
    }

    /** What both commands read: the bundle, the input and how its columns make articles. */
    static final class InputOptions {
        @Option(names = "--model", required = true, paramLabel = "FILE",
                description = "The model bundle (.slant), a file the driver can read; executors get it by broadcast.")
        Path model;

        @Option(names = "--input", required = true, paramLabel = "PATH", description = "Input file or folder (any path Spark reads: file:, hdfs:, s3a:).")
        String input;

        @Option(names = "--input-format", defaultValue = "csv", paramLabel = "FORMAT",
                description = "csv (with a header row, quoted fields may span lines), json (one object a line) or parquet (default: ${DEFAULT-VALUE}).")
        String inputFormat;

        @Option(names = "--id-column", required = true, paramLabel = "COLUMN", description = "Column of the article id.")
        String idColumn;

        @Option(names = "--title-column", paramLabel = "COLUMN", description = "Column of the title (default: none).")
        String titleColumn;

        @Option(names = "--text-column", defaultValue = "text", paramLabel = "COLUMN",
                description = "Column of the body text (default: ${DEFAULT-VALUE}).")
        String textColumn;

        @Option(names = "--meta", paramLabel = "KEY=COLUMN",
                description = "A metadata key and its column (outlet and host feed the scrubber); repeatable.")
        List<String> meta = new ArrayList<>();

        @Option(names = "--partitions", paramLabel = "N",
                description = "Repartition the input into N partitions before scoring (a gzip file is one partition: "
                        + "give at least the cluster's cores; default: as Spark reads it).")
        Integer partitions;

        @Option(names = "--strict", description = "Fail at the first bad row, naming it (default: skip bad rows, count them by reason, report the counts).")
        boolean strict;

        @Option(names = "--drift", description = "Also compare the articles with the training data (their known n-gram "
                + "shares and predicted labels, against the reference the bundle stores), in a pass of its own, and "
                + "warn when they are far apart.")
        boolean drift;

        /** With --drift, prints the comparison and a warning when a signal is far from the training data. */
        void printDrift(SlantSpark slant, Dataset<Row> in, ColumnMapping mapping, PrintWriter err) {
            if (!drift) {
                return;
            }
            Optional<dev.slant.inference.drift.DriftReport> report = slant.drift(in, mapping);
            if (report.isEmpty()) {
                err.println("slant-spark: the bundle stores no drift reference (trained before it was measured)");
                return;
            }
            err.printf("slant-spark: drift from the training data (%s), %d articles:%n", report.get().referenceSource(),
                    report.get().articles());
            report.get().signals().forEach(s -> err.printf("  %s%n", s.describe()));
            if (!report.get().far().isEmpty()) {
                err.printf("slant-spark: warning: these articles look unlike the training data (%s)%n",
                        String.join(", ", report.get().far().stream().map(x -> x.name()).toList()));
            }
        }

        ColumnMapping mapping(List<String> labels) {
            ColumnMapping.Builder b = ColumnMapping.builder().idColumn(idColumn).titleColumn(titleColumn).textColumn(textColumn);
            meta.forEach(b::metadataSpec);
            labels.forEach(b::labelSpec);
            return b.build();
        }

        Dataset<Row> read(SparkSession spark) {
            Dataset<Row> in = readAsIs(spark);
            if (partitions != null) {
                if (partitions < 1) {
                    throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
                }
                in = in.repartition(partitions);
            }
            return in;
        }

        private Dataset<Row> readAsIs(SparkSession spark) {
            return switch (Format.parse(inputFormat, "--input-format")) {
                case CSV -> spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
                        .csv(input);
                case JSON -> spark.read().json(input);
                case PARQUET -> spark.read().parquet(input);
            };
        }

        SlantSpark load(SparkSession spark) {
            try {
                return SlantSpark.load(spark, model);
            } catch (BundleException e) {
                throw new BadInputException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundle " + model, e);
            }
        }

        /** In strict mode, fails naming the first bad row. */
        void checkStrict(SlantSpark slant, Dataset<Row> in, ColumnMapping mapping, boolean withLabels) {
            if (strict) {
                Optional<String> bad = slant.firstBadRow(in, mapping, withLabels);
                if (bad.isPresent()) {
                    throw new BadInputException(bad.get() + " (--strict)");
                }
            }
        }
    }

    /** {@code score}: writes one prediction row per good input row. */
    @Command(name = "score",
            description = {"Score articles with a model bundle.",
                    "Writes id, then per target the label and its probability (and with --probabilities each "
                            + "label's), one row per good input row; bad rows are skipped and counted."})
    static final class Score implements Callable<Integer> {
        @CommandLine.ParentCommand
        SlantSparkJob parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        InputOptions in = new InputOptions();

        @Option(names = "--output", required = true, paramLabel = "PATH",
                description = "Output folder; must not exist. Written whole or not at all (a sibling temporary folder renamed at the end).")
        String output;

        @Option(names = "--output-format", defaultValue = "parquet", paramLabel = "FORMAT",
                description = "parquet, csv (with a header row) or json (one object a line) (default: ${DEFAULT-VALUE}).")
        String outputFormat;

        @Option(names = "--probabilities", description = "Add a <target>_p_<label> column for every label of every target.")
        boolean probabilities;

        @Override
        public Integer call() throws IOException {
            SparkSession spark = parent.session();
            Format format = Format.parse(outputFormat, "--output-format");
            ColumnMapping mapping = in.mapping(List.of());
            long start = System.nanoTime();
            try (SlantSpark slant = in.load(spark)) {
                Dataset<Row> input = in.read(spark);
                in.checkStrict(slant, input, mapping, false);
                Dataset<Row> scored = slant.score(input, mapping, probabilities);
                OutputFolder.write(spark, scored, format, output);
                RowCounts counts = slant.count(input, mapping, false);
                spec.commandLine().getErr().printf(Locale.ROOT, "slant-spark: scored %d of %d rows (%s) in %.1f s; wrote %s%n",
                        counts.kept(), counts.rows(), counts.describeSkipped(), (System.nanoTime() - start) / 1e9, output);
                in.printDrift(slant, input, mapping, spec.commandLine().getErr());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code evaluate}: prints the figures of a labelled input. */
    @Command(name = "evaluate",
            description = {"Evaluate a model bundle on labelled articles, beside the majority baseline.",
                    "Per target: accuracy, macro-F1, per-class figures, confusion matrix (and MAE for ordinal targets, "
                            + "ECE), beside the majority baseline, as 'slant evaluate' prints them."})
    static final class Evaluate implements Callable<Integer> {
        @CommandLine.ParentCommand
        SlantSparkJob parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        InputOptions in = new InputOptions();

        @Option(names = "--label", required = true, paramLabel = "TARGET=COLUMN",
                description = "A target of the bundle and the column of its gold labels; repeatable.")
        List<String> labels = new ArrayList<>();

        @Override
        public Integer call() {
            SparkSession spark = parent.session();
            ColumnMapping mapping = in.mapping(labels);
            PrintWriter out = spec.commandLine().getOut();
            try (SlantSpark slant = in.load(spark)) {
                Dataset<Row> input = in.read(spark);
                in.checkStrict(slant, input, mapping, true);
                EvaluationTally tally = slant.evaluate(input, mapping);
                for (Map.Entry<String, TargetTally> e : tally.targets().entrySet()) {
                    TargetSetup setup = TargetSetup.of(slant.classifier().manifest(), e.getKey());
                    if (e.getValue().articles() == 0) {
                        throw new BadInputException(in.input + ": no row to evaluate " + e.getKey() + " on");
                    }
                    out.printf("### %s, %s%n", e.getKey(), in.input);
                    out.print(EvaluationReport.render(setup, e.getValue()));
                    out.println();
                }
                long skipped = tally.skipped().values().stream().mapToLong(Long::longValue).sum();
                RowCounts counts = new RowCounts(skipped + tally.targets().values().iterator().next().articles(), tally.skipped());
                spec.commandLine().getErr().printf("slant-spark: evaluated %d of %d rows (%s)%n", counts.kept(), counts.rows(),
                        counts.describeSkipped());
                in.printDrift(slant, input, mapping, spec.commandLine().getErr());
            }
            return ExitCodes.OK;
        }
    }
}
