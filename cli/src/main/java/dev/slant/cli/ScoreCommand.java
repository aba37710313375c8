package dev.slant.cli;

import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.RecordProblem;
import dev.slant.datasets.io.RejectSink;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.batch.BatchScorer;
import dev.slant.inference.batch.OutputFormat;
import dev.slant.inference.batch.PredictionWriter;
import dev.slant.inference.batch.ScoreProgress;
import dev.slant.inference.batch.ScoreSettings;
import dev.slant.inference.batch.ScoreSummary;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.features.TitleMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slant score}: predictions for every article of a file or of standard input. */
@Command(name = "score",
        description = {"Predict every article's labels with a model bundle. Needs the articles' text (no label): "
                + "a CSV, TSV or JSONL file (gzip too), or - for standard input.",
                "Writes one prediction per article, in input order, in constant memory, to CSV or JSONL (by the "
                        + "output's extension or --format; .gz compresses). A file appears only when the whole run "
                        + "succeeds; - writes standard output as it goes."})
public final class ScoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    ArticleInputOptions source = new ArticleInputOptions();

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The predictions file (.csv or "
            + ".jsonl, optionally .gz), replaced whole or not at all (through a link, the file it points to); - "
            + "(standard output), a FIFO or a device is written as the rows come, so a failed run leaves part of it "
            + "there. Never the input, the model or --rejects.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv or jsonl (default: from the output's extension; needed with --output -).")
    String format;

    @Option(names = "--probabilities", description = "Also write every label's probability.")
    boolean probabilities;

    @Option(names = "--explain", paramLabel = "K", defaultValue = "0",
            description = "Explain each label by its top K n-grams and sentences (default: no explanations).")
    int explain;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that read and score (default: the available processors).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar and no summary on stderr (errors still).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        boolean stdout = ArticleInputOptions.STDIN.equals(output);
        OutputFormat outputFormat;
        ScoreSettings settings;
        try {
            if (stdout && format == null) {
                throw new IllegalArgumentException("--output - writes standard output: give --format csv or jsonl");
            }
            outputFormat = format != null ? OutputFormat.parse(format)
                    : OutputFormat.fromFileName(Path.of(output).getFileName().toString());
            settings = new ScoreSettings(threads == null ? ScoreSettings.defaultThreads() : threads, probabilities,
                    explain, outputFormat);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path bundle = model();
        source.distinctFiles().reads("--model", bundle).writes("--output", stdout ? null : Path.of(output)).verify();
        SlantClassifier classifier;
        try {
            classifier = SlantClassifier.load(bundle);
        } catch (BundleException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        BatchScorer scorer = new BatchScorer(classifier, settings);
        ScoreSummary summary;
        FirstProblems first;
        try (BadRecordOptions.Opened read = source.badRecords().open()) {
            first = new FirstProblems(read.options().rejects());
            try (ArticleReader reader = open(read, first, err);
                    Bar bar = new Bar(!quiet && !stdout && System.console() != null)) {
                if (!quiet && !source.mapsTitles()
                        && classifier.featurizer().settings().titleMode() != TitleMode.IGNORE) {
                    // Not an error: some files have no titles. But the model's figures were measured with them.
                    err.printf("slant score: warning: no --title-column, so every title is empty; %s learned from "
                            + "titles%n", bundle);
                }
                if (stdout) {
                    PrintWriter out = spec.commandLine().getOut();
                    try (PredictionWriter writer = PredictionWriter.open(out, outputFormat, scorer.labels(),
                            settings.probabilities(), settings.explain() > 0)) {
                        summary = scorer.score(reader, writer, bar);
                        writer.commit();
                    }
                } else {
                    summary = scorer.score(reader, Path.of(output), bar);
                }
            }
            read.commit();
        }
        if (!quiet) {
            printSummary(err, summary, first);
        }
        return ExitCodes.OK;
    }

    private ArticleReader open(BadRecordOptions.Opened read, FirstProblems first, PrintWriter err)
            throws IOException {
        try {
            return source.open(source.sized(read.options().withRejects(first)), quiet ? null : err);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The bundle: --model, else $SLANT_MODEL, else the quick start's; says on stderr which when not given. */
    private Path model() {
        return model.resolve(spec.commandLine(), quiet ? null : spec.commandLine().getErr());
    }

    private void printSummary(PrintWriter err, ScoreSummary s, FirstProblems first) {
        err.printf("slant score: %,d rows read, %,d scored, %,d rejected, in %.1f s (%,.0f articles/s, %.1f MB/s) -> %s%n",
                s.read().records(), s.scored(), s.read().rejectedTotal(), s.nanos() / 1e9, s.articlesPerSecond(),
                s.megabytesPerSecond(), ArticleInputOptions.STDIN.equals(output) ? "standard output" : output);
        for (Map.Entry<RecordProblem.Reason, Long> e : s.read().rejected().entrySet()) {
            RecordProblem p = first.first.get(e.getKey());
            err.printf("  rejected, %s: %,d%s%n", e.getKey().text(), e.getValue(),
                    p == null ? "" : " (the first: " + p.message() + ")");
        }
        for (Map.Entry<String, Long> e : s.abstentions().entrySet()) {
            if (e.getValue() > 0) {
                err.printf("  abstained on %s (no known feature, markup, or too few known n-grams): %,d%n", e.getKey(), e.getValue());
            }
        }
        if (s.drift() != null && s.scored() > 0) {
            err.printf("  drift from the training data (%s):%n", s.drift().referenceSource());
            s.drift().signals().forEach(signal -> err.printf("    %s%n", signal.describe()));
            if (!s.drift().far().isEmpty()) {
                err.printf("slant score: warning: this batch looks unlike the training data (%s): check its figures before "
                        + "trusting them%n", String.join(", ", s.drift().far().stream().map(x -> x.name()).toList()));
            }
        }
        err.flush();
    }

    /** Passes rejects on, keeping the first of each reason for the summary. */
    private static final class FirstProblems implements RejectSink {
        final RejectSink next;
        final Map<RecordProblem.Reason, RecordProblem> first = new EnumMap<>(RecordProblem.Reason.class);

        FirstProblems(RejectSink next) {
            this.next = next;
        }

        @Override
        public void reject(RecordProblem problem, List<String> rawFields) throws IOException {
            first.putIfAbsent(problem.reason(), problem);
            next.reject(problem, rawFields);
        }

        @Override
        public void close() throws IOException {
            next.close();
        }
    }

    /** A progress bar of articles written, on a terminal only. */
    private static final class Bar implements ScoreProgress, AutoCloseable {
        private final ProgressBar bar;

        Bar(boolean show) {
            bar = show ? new ProgressBarBuilder().setTaskName("score").setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(-1).setUnit(" articles", 1).continuousUpdate().build() : null;
        }

        @Override
        public void update(long written, long bytes) {
            if (bar != null) {
                bar.stepTo(written);
                bar.setExtraMessage(String.format("%.1f MB", bytes / 1e6));
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
