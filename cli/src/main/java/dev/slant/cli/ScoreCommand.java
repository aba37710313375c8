package dev.slant.cli;

import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.RecordProblem;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.batch.BatchScorer;
import dev.slant.inference.batch.OutputFormat;
import dev.slant.inference.batch.ScoreProgress;
import dev.slant.inference.batch.ScoreSettings;
import dev.slant.inference.batch.ScoreSummary;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.features.TitleMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slant score}: predictions for every article of a file, written whole or not at all. */
@Command(name = "score",
        description = {"Score every article of a CSV, TSV or JSONL file (gzip too) with a model bundle.",
                "Writes the predictions to CSV or JSONL (by the output's extension or --format; .gz compresses), in "
                        + "input order, in constant memory. The output appears only when the whole run succeeds."})
public final class ScoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model bundle (.slant).")
    Path model;

    @Mixin
    CorpusOptions source = new CorpusOptions();

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The predictions file (.csv or .jsonl, optionally .gz), "
            + "replaced whole or not at all (through a link, the file it points to); a FIFO, a device or /dev/stdout is "
            + "written as the rows come, so a failed run leaves part of it there. Never the input, the model or --rejects.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or jsonl (default: from the output's extension).")
    String format;

    @Option(names = "--probabilities", description = "Also write every label's probability.")
    boolean probabilities;

    @Option(names = "--explain", paramLabel = "K", defaultValue = "0",
            description = "Explain each label by its top K n-grams and sentences (default: no explanations).")
    int explain;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: the available processors).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar and no summary on stderr (errors still).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (!parsed.hasMatchedOption("--input") && !parsed.hasMatchedOption("--corpus")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the articles to score: --input FILE (or --corpus NAME)");
        }
        source.distinctFiles().reads("--model", model).writes("--output", output).verify();
        OutputFormat outputFormat;
        ScoreSettings settings;
        try {
            outputFormat = format != null ? OutputFormat.parse(format) : OutputFormat.fromFileName(output.getFileName().toString());
            settings = new ScoreSettings(threads == null ? ScoreSettings.defaultThreads() : threads, probabilities,
                    explain, outputFormat);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Corpus corpus = source.corpus();
        SlantClassifier classifier;
        try {
            classifier = SlantClassifier.load(model);
        } catch (BundleException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet && !source.mapsTitles() && classifier.featurizer().settings().titleMode() != TitleMode.IGNORE) {
            // Not an error: some files have no titles. But the model's figures were measured with them.
            err.printf("slant score: warning: no --title-column, so every title is empty; %s learned from titles%n",
                    model);
        }
        BatchScorer scorer = new BatchScorer(classifier, settings);
        ScoreSummary summary;
        try (BadRecordOptions.Opened read = source.badRecords().open();
                ArticleReader reader = corpus.open(read.options());
                Bar bar = new Bar(!quiet && System.console() != null)) {
            summary = scorer.score(reader, output, bar);
            read.commit();
        }
        if (!quiet) {
            printSummary(err, summary);
        }
        return ExitCodes.OK;
    }

    private void printSummary(PrintWriter err, ScoreSummary s) {
        err.printf("slant score: %,d rows read, %,d scored, %,d rejected, in %.1f s (%,.0f articles/s, %.1f MB/s) -> %s%n",
                s.read().records(), s.scored(), s.read().rejectedTotal(), s.nanos() / 1e9, s.articlesPerSecond(),
                s.megabytesPerSecond(), output);
        for (Map.Entry<RecordProblem.Reason, Long> e : s.read().rejected().entrySet()) {
            err.printf("  rejected, %s: %,d%n", e.getKey().text(), e.getValue());
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
