package dev.slant.cli;

import dev.slant.cli.bench.FileScoringBench;
import dev.slant.datasets.corpus.ArticleBiasCorpus;
import dev.slant.datasets.corpus.Corpora;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.inference.ExitCodes;
import dev.slant.training.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slant bench scoring}: {@code slant score} over a file, timed end to end beside fastText. */
@Command(name = "scoring",
        description = {"Time slant score over a file end to end (each run a new JVM with a small heap, start-up "
                + "included), on 1 thread and on all, beside fastText's predict over the same articles.",
                "Prints one Markdown table: seconds, MB/s, articles/s, peak heap and the speed against fastText's. "
                        + "The commands take turns, round after round; each figure is the median."})
public final class BenchScoringCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    ArticleInputOptions source = new ArticleInputOptions();

    @Option(names = "--threads", paramLabel = "N",
            description = "The all-threads figure's threads (default: the available processors).")
    Integer threads;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds of runs; each figure is their median (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m",
            description = "-Xmx of the scoring JVMs (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--fasttext-model", paramLabel = "FILE",
            description = "A fastText model (.bin) to predict with (default: one trained on article-bias's media "
                    + "train part, once, kept in the work folder).")
    Path fastTextModel;

    @Option(names = "--no-fasttext", description = "Do not run fastText.")
    boolean noFastText;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where predictions, fastText's files and model go (default: a new temporary folder).")
    Path work;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (source.input == null || ArticleInputOptions.STDIN.equals(source.input)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the file to score: --input FILE");
        }
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be 1 or more");
        }
        Path bundle = model.resolve(spec.commandLine(), quiet ? null : err);
        List<String> scoreArgs = new ArrayList<>(List.of("score", "--model", bundle.toString()));
        scoreArgs.addAll(source.asArguments());
        int all = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<Integer> counts = all == 1 ? List.of(1) : List.of(1, all);
        Path dir = work != null ? work : Files.createTempDirectory("slant-bench-scoring");
        FileScoringBench.Request request = new FileScoringBench.Request(Path.of(source.input), scoreArgs, counts,
                rounds, heap, javaOptions(), fastTextModel, !noFastText, dir);
        Progress progress = ConsoleProgress.forConsole(err, quiet);
        String report;
        try {
            report = new FileScoringBench(request, progress).run(
                    () -> source.open(source.sized(ReadOptions.LENIENT), null),
                    () -> LoadedCorpus.load(Corpora.open(ArticleBiasCorpus.NAME, source.data.root()),
                            ReadOptions.LENIENT));
        } finally {
            if (progress instanceof ConsoleProgress c) {
                c.close();
            }
        }
        spec.commandLine().getOut().print(report);
        spec.commandLine().getOut().flush();
        if (!quiet) {
            err.println("slant: the bench's files are in " + dir);
        }
        return ExitCodes.OK;
    }

    /** The JVM options bin/slant adds: the parallel collector, and huge pages where Linux offers them on request. */
    static List<String> javaOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:+UseParallelGC"));
        try {
            if (Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]")) {
                options.add("-XX:+UseTransparentHugePages");
            }
        } catch (java.io.IOException e) {
            // No huge pages to ask for.
        }
        return options;
    }
}
