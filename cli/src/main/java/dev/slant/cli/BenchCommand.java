package dev.slant.cli;

import dev.slant.cli.bench.Bench;
import dev.slant.cli.bench.BenchReport;
import dev.slant.cli.bench.BenchRequest;
import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.io.DistinctFiles;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.ExitCodes;
import dev.slant.training.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code slant bench}: one table of Slant's training and scoring figures beside its peers'. */
@Command(name = "bench", subcommands = BenchScoringCommand.class,
        description = {"Benchmark training and scoring on a split, beside fastText and scikit-learn with --peers.",
                "Prints one Markdown table: training time, scoring speed on 1 and all threads, latency, peak memory, "
                        + "bundle size and test macro-F1; --peers runs fastText and scikit-learn on the same split in "
                        + "the same run, with the ratios Slant/peer."})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CorpusOptions source = new CorpusOptions();

    @Option(names = "--split", paramLabel = "NAME",
            description = "A published split, stratified or outlet (default: media where the corpus has it, else stratified).")
    String split;

    @Option(names = "--targets", split = ",", paramLabel = "T1,T2",
            description = "Slant's targets, the main one first (default: the corpus's first single-label target); peers train the main one.")
    List<String> targets;

    @Option(names = "--peers", description = "Also run fastText and scikit-learn where installed (else say they were skipped).")
    boolean peers;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of training and of the all-threads figures (default: the number of cores).")
    Integer threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "" + BenchRequest.DEFAULT_SCORING_SECONDS,
            description = "Least time each scoring speed is measured over (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--probe-heap", paramLabel = "MB", defaultValue = "" + BenchRequest.DEFAULT_PROBE_HEAP_MB,
            description = "-Xmx in MiB of the child JVM that checks the scoring heap (default: ${DEFAULT-VALUE}).")
    int probeHeap;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SplitChoice.DEFAULT_SEED,
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the bundle and the peers' files go (default: a new temporary folder).")
    Path work;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    KeepWeightsOption keepWeights = new KeepWeightsOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Corpus corpus = source.corpus();
        String splitName = split != null ? split
                : SplitChoice.defaultFor(corpus.publishedSplits());
        List<Target> chosen = new ArrayList<>();
        if (targets == null) {
            corpus.targets().stream().filter(t -> !t.multiValued()).findFirst().ifPresent(chosen::add);
        } else {
            targets.forEach(t -> chosen.add(corpus.target(t)));
        }
        DistinctFiles files = source.distinctFiles();
        if (work != null) {
            Bench.WORK_FILES.forEach(f -> files.writes("--work", work.resolve(f)));
            Bench.defaultPeers().forEach(p -> files.writesFolder("--work", Bench.peerFolder(work, p)));
        }
        files.verify();
        Path dir = work != null ? work : Files.createTempDirectory("slant-bench");
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BenchRequest request = new BenchRequest(splitName, chosen, peers, nThreads, seed, seconds, probeHeap, dir,
                keepWeights.fraction(spec));
        Progress progress = ConsoleProgress.forConsole(stderr, quiet);
        BenchReport report;
        try {
            report = new Bench(request, Bench.defaultPeers(), progress).run(() -> source.load(corpus));
        } finally {
            if (progress instanceof ConsoleProgress c) {
                c.close();
            }
        }
        stdout.print(report.markdown());
        stdout.flush();
        if (!quiet) {
            stderr.println("slant: the bench's bundle and the peers' files are in " + dir);
        }
        return ExitCodes.OK;
    }
}
