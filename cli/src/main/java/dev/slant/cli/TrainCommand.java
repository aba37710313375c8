package dev.slant.cli;

import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.AtomicOutput;
import dev.slant.datasets.io.DistinctFiles;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.training.BundleAssembler;
import dev.slant.training.Progress;
import dev.slant.training.SelectionGrid;
import dev.slant.training.TrainerKind;
import dev.slant.training.TrainerSettings;
import dev.slant.training.TrainingJob;
import dev.slant.training.TrainingOutcome;
import dev.slant.training.TrainingRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code slant train}: trains one model per target, evaluates honestly, writes a bundle. */
@Command(name = "train",
        description = {"Train topic and stance classifiers and write a model bundle.",
                "Prints the outlet-disjoint cross-validation (the honest figure for unseen outlets) beside the split's own figures."})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CorpusOptions source = new CorpusOptions();

    @Option(names = "--split", paramLabel = "NAME",
            description = "A published split (article-bias: media, random; liar: published), stratified, outlet, outlet-cv, "
                    + "time (trained before a date, tested on the articles after it beside as many held-out articles "
                    + "from the training years) or outlet-time (the same on outlets held out of training) "
                    + "(default: media where the corpus has it, else stratified).")
    String split;

    @Option(names = "--before", paramLabel = "DATE", description = "With --split time or outlet-time: the first day of "
            + "the later (test) part, YYYY-MM-DD (default: the day that leaves about 20% of the dated articles on or "
            + "after it). Articles without a usable date are in no part, counted by reason.")
    String before;

    @Option(names = "--targets", split = ",", paramLabel = "T1,T2",
            description = "Targets to train, the main one first (default: the corpus's single-label targets).")
    List<String> targets;

    @Option(names = "--trainer", paramLabel = "KIND", description = "svm, logistic, sgd-logistic or naive-bayes (default: svm).")
    String trainer;

    @Option(names = "--cost", paramLabel = "C", description = "Regularization cost C (alpha for naive Bayes), for every "
            + "target (default for the SVM: " + TrainerSettings.DEFAULT_COST + " for targets of at most "
            + TrainerSettings.FULL_BALANCE_MAX_LABELS + " labels, " + TrainerSettings.MANY_LABELS_COST
            + " above). The class weights stay by label count.")
    Double cost;

    @Option(names = "--select", description = "Try a small grid (n-gram range, buckets, C) on the valid part and keep the best.")
    boolean select;

    @Option(names = "--balance", paramLabel = "P", description = "Exponent p of the class weights (n / (k * count))^p, "
            + "in [0, 1]: 1 weighs classes inversely to their frequency, 0 not at all (default: 1 for targets of at most "
            + TrainerSettings.FULL_BALANCE_MAX_LABELS + " labels; above, " + TrainerSettings.MANY_LABELS_BALANCE
            + "). --balance and --no-balance leave C to the label count.")
    Double balance;

    @Option(names = "--no-balance", description = "Weigh every class alike (--balance 0).")
    boolean noBalance;

    @Mixin
    KeepWeightsOption keepWeights = new KeepWeightsOption();

    @Option(names = "--min-outlets", paramLabel = "N",
            description = "Drop n-grams seen in fewer training outlets (default: " + FeaturizerSettings.DEFAULT_MIN_OUTLETS + "; 1 keeps all).")
    Integer minOutlets;

    @Option(names = "--model-min-outlets", paramLabel = "N", description = "Each model keeps only the n-grams seen in "
            + "at least N training outlets, for every target: a smaller bundle and faster scoring (default: 1, every "
            + "n-gram the featurizer keeps, for targets of at most " + TrainerSettings.FULL_BALANCE_MAX_LABELS
            + " labels; " + TrainerSettings.MANY_LABELS_MIN_OUTLETS + " above).")
    Integer modelMinOutlets;

    @Option(names = "--outlet-prototypes", paramLabel = "SHARE", description = "Train each LibLinear model of 3 to "
            + TrainerSettings.FULL_BALANCE_MAX_LABELS + " labels on outlet prototypes: every outlet and label pair "
            + "holding at least this share of the training articles is a class of its own, and a label's weights are "
            + "the mean of its classes' (default: " + TrainerSettings.DEFAULT_PROTOTYPE_SHARE + "; 0 turns them off; "
            + "targets of more labels never use them).")
    Double prototypeShare;

    @Option(names = "--temperature-folds", paramLabel = "N", description = "Fit a temperature for each LibLinear model "
            + "of 3 labels or more on held-out decision values of its training articles, the training outlets dealt "
            + "into N folds, so that its probabilities are calibrated on outlets it has not seen; its labels do not "
            + "change (default: " + TrainerSettings.DEFAULT_TEMPERATURE_FOLDS + " for targets of up to "
            + TrainerSettings.FULL_BALANCE_MAX_LABELS + " labels, " + TrainerSettings.MANY_LABELS_TEMPERATURE_FOLDS
            + " above; 0 turns it off).")
    Integer temperatureFolds;

    @Option(names = "--no-scrub", description = "Do not scrub outlet fingerprints (to measure what they are worth).")
    boolean noScrub;

    @Option(names = "--keep-numbers", description = "Keep tokens that contain a digit (dropped by default: dates and "
            + "counts are fingerprints of outlets more than of stance or topic).")
    boolean keepNumbers;

    @Option(names = "--words", paramLabel = "MIN-MAX", description = "Word n-gram sizes, such as 1-1 (words alone) or "
            + "1-3 (default: " + FeaturizerSettings.DEFAULT_WORD_MIN_N + "-" + FeaturizerSettings.DEFAULT_WORD_MAX_N + ").")
    String words;

    @Option(names = "--buckets", paramLabel = "N", description = "Hash buckets of the featurizer, 2 to 2^26 (default: "
            + FeaturizerSettings.DEFAULT_BUCKETS + "); more buckets mean fewer n-grams sharing one, and a larger model.")
    Integer buckets;

    @Option(names = "--raw-chars", paramLabel = "MIN-MAX", description = "Also character n-grams of the raw text, such as "
            + "2-4: case, punctuation and spacing kept, across words. They learn outlets' house style, which helps only "
            + "where the outlets scored were seen in training, as on the random split (default: off). On article-bias they "
            + "need about 14 GB of heap: SLANT_JAVA_OPTS=-Xmx16g.")
    String rawChars;

    @Option(names = "--title-weight", paramLabel = "W", description = "Weight of the title beside the body: each is "
            + "scaled to unit length, the title's times W added to the body's (default: "
            + FeaturizerSettings.DEFAULT_TITLE_WEIGHT + "; 0 puts title and body under one norm, as before 2026-12-04).")
    Double titleWeight;

    @Option(names = "--min-token-length", paramLabel = "N", description = "The shortest token kept, 1 to 10 (default: "
            + FeaturizerSettings.DEFAULT_MIN_TOKEN_LENGTH + ").")
    Integer minTokenLength;

    @Option(names = "--outlet-cv", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also cross-validate the main target over outlet-disjoint folds (default: on).")
    boolean outletCv;

    @Option(names = "--folds", paramLabel = "N", defaultValue = "" + SplitChoice.DEFAULT_FOLDS,
            description = "Outlet folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--fold-draws", paramLabel = "N", defaultValue = "" + TrainingRequest.DEFAULT_FOLD_DRAWS,
            description = "Repeat the outlet cross-validation over N draws of the folds (seeds SEED, SEED+1, ...) and "
                    + "print each draw's mean and their spread; which outlets share a fold moves the figure by a few "
                    + "points (default: ${DEFAULT-VALUE}).")
    int foldDraws;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SplitChoice.DEFAULT_SEED,
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "The bundle to write (default: models/CORPUS-SPLIT.slant).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Where to write the full report: per-class figures, "
            + "confusion matrices and calibration, as Markdown, JSON and SVG, one folder per evaluation (default: beside "
            + "the bundle, its name with -report).")
    Path report;

    @Option(names = "--verbose", description = "Also print the full report on the terminal.")
    boolean verbose;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    /**
     * @param corpus the corpus's name
     * @param split  the split's name
     * @return where {@code train} writes a bundle by default: models/CORPUS-SPLIT.slant (the quick start's is
     *         models/article-bias-media.slant)
     */
    static Path defaultBundle(String corpus, String split) {
        return Path.of("models", (corpus + "-" + split).replaceAll("[^A-Za-z0-9._-]", "_") + ".slant");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Corpus corpus = source.corpus();
        String splitName = split != null ? split
                : SplitChoice.defaultFor(corpus.publishedSplits());
        if (before != null) {
            SplitChoice.TimeCut cut = SplitChoice.TimeCut.parse(splitName);
            if (cut == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--before goes with --split time or outlet-time, not " + splitName);
            }
            try {
                splitName = SplitChoice.TimeCut.name(cut.kind(), java.time.LocalDate.parse(before));
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--before '" + before + "': give a date as YYYY-MM-DD", e);
            }
        }
        if (select && SplitChoice.OUTLET_CV.equals(splitName)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--select needs a valid part: use it with a split, not outlet-cv");
        }
        double keep = keepWeights.fraction(spec);
        Path bundle = out != null ? out : defaultBundle(corpus.name(), splitName);
        Path reportDir = report != null ? report : reportBeside(bundle);
        DistinctFiles files = source.distinctFiles().writes("--out", bundle);
        for (String part : List.of(TrainingSummary.OUTLET_CV, TrainingSummary.VALID, TrainingSummary.TEST)) {
            files.writesFolder("--report", reportDir.resolve(part));
        }
        files.verify();
        checkWritable(bundle);

        List<Target> chosen = new ArrayList<>();
        if (targets == null) {
            corpus.targets().stream().filter(t -> !t.multiValued()).forEach(chosen::add);
        } else {
            targets.forEach(t -> chosen.add(corpus.target(t)));
        }
        if (noBalance && balance != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --balance P or --no-balance, not both");
        }
        TrainerSettings ts = TrainerSettings.DEFAULTS.withSeed(seed);
        try {
            // Each label-count default stands where the user did not choose that setting: --cost (or --select's grid)
            // fixes C for every target and leaves the class weights to the label count; --balance the reverse.
            ts = ts.withBalance(noBalance ? 0 : balance != null ? TrainerSettings.requireExponent(balance)
                    : TrainerSettings.BY_LABEL_COUNT);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--balance: " + e.getMessage());
        }
        if (trainer != null) {
            ts = ts.withKind(TrainerKind.parse(trainer));
        }
        if (cost != null) {
            ts = ts.withCost(cost);
        } else if (ts.kind() == TrainerKind.NAIVE_BAYES) {
            ts = ts.withCost(TrainerSettings.NAIVE_BAYES_ALPHA);
        } else if (ts.kind() == TrainerKind.SGD_LOGISTIC) {
            ts = ts.withCost(TrainerSettings.SGD_LEARNING_RATE);
        }
        if (modelMinOutlets != null) {
            if (modelMinOutlets < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--model-min-outlets must be at least 1, got " + modelMinOutlets);
            }
            ts = ts.withMinOutlets(modelMinOutlets);
        }
        if (prototypeShare != null) {
            if (!(prototypeShare >= 0 && prototypeShare < 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--outlet-prototypes must be at least 0 and below 1, got " + prototypeShare);
            }
            ts = ts.withPrototypeShare(prototypeShare);
        }
        if (temperatureFolds != null) {
            if (temperatureFolds != 0 && temperatureFolds < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--temperature-folds must be 0 (off) or at least 2, got " + temperatureFolds);
            }
            ts = ts.withTemperatureFolds(temperatureFolds);
        }
        FeaturizerSettings fs = FeaturizerSettings.DEFAULTS.withScrub(!noScrub).withDropNumbers(!keepNumbers);
        if (minOutlets != null) {
            fs = fs.withMinOutlets(minOutlets);
        }
        if (words != null) {
            fs = withRange("--words", words, fs::withWordNgrams);
        }
        if (rawChars != null) {
            fs = withRange("--raw-chars", rawChars, fs::withRawCharNgrams);
        }
        if (minTokenLength != null) {
            fs = checked(fs, "--min-token-length", f -> f.withMinTokenLength(minTokenLength));
        }
        if (buckets != null) {
            fs = checked(fs, "--buckets", f -> f.withBuckets(buckets));
        }
        if (titleWeight != null) {
            fs = checked(fs, "--title-weight", f -> f.withTitleWeight(titleWeight));
        }
        SelectionGrid grid = select ? SelectionGrid.around(fs) : SelectionGrid.single(fs);
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        TrainingRequest request;
        try {
            request = new TrainingRequest(chosen, splitName, ts, grid, ScrubSettings.DEFAULTS, outletCv, folds, seed,
                    nThreads, keep, foldDraws);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }

        Progress progress = ConsoleProgress.forConsole(stderr, quiet);
        progress.phase("reading " + corpus.name());
        LoadedCorpus loaded = source.load(corpus);
        TrainingOutcome outcome;
        double writeSeconds;
        try {
            outcome = new TrainingJob(loaded, request, progress).run();
            progress.phase("writing " + bundle);
            long t0 = System.nanoTime();
            new BundleWriter().write(bundle, BundleAssembler.contents(outcome));
            writeSeconds = (System.nanoTime() - t0) / 1e9;
            TrainingSummary.writeReports(reportDir, outcome);
        } finally {
            if (progress instanceof ConsoleProgress c) {
                c.close();
            }
        }
        TrainingSummary.print(stdout, outcome, verbose);
        stdout.println();
        stdout.printf("trained and evaluated in %.1f s; wrote %s (%,d bytes) in %.1f s and the full report to %s%n",
                outcome.seconds(), bundle, sizeOf(bundle), writeSeconds, reportDir);
        return ExitCodes.OK;
    }

    /** Applies one option's change to the settings; a value they refuse is a usage error naming the option. */
    private FeaturizerSettings checked(FeaturizerSettings fs, String option, UnaryOperator<FeaturizerSettings> change) {
        try {
            return change.apply(fs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies a MIN-MAX range option (or N for one size); a malformed range or one the settings refuse is a usage
     * error naming the option.
     */
    private FeaturizerSettings withRange(String option, String range,
                                         java.util.function.BiFunction<Integer, Integer, FeaturizerSettings> change) {
        String[] parts = range.strip().split("-", -1);
        try {
            if (parts.length > 2) {
                throw new IllegalArgumentException("give MIN-MAX, such as 1-2");
            }
            int min = Integer.parseInt(parts[0].strip());
            int max = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : min;
            return change.apply(min, max);
        } catch (IllegalArgumentException e) {
            String why = e instanceof NumberFormatException ? "give MIN-MAX, such as 1-2" : e.getMessage();
            throw new CommandLine.ParameterException(spec.commandLine(), option + " '" + range + "': " + why, e);
        }
    }

    /**
     * @param bundle a bundle's path
     * @return the default report folder beside it: {@code models/x.slant} gives {@code models/x-report}
     */
    static Path reportBeside(Path bundle) {
        String name = bundle.getFileName().toString();
        String stem = name.endsWith(".slant") ? name.substring(0, name.length() - ".slant".length()) : name;
        return bundle.resolveSibling(stem + "-report");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Fails before any training if the bundle could not be written. */
    static void checkWritable(Path bundle) throws IOException {
        AtomicOutput.checkWritable(bundle);
    }
}
