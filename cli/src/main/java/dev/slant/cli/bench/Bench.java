package dev.slant.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.bundle.BundleFormat;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.eval.Format;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.score.LinearScorer;
import dev.slant.training.BundleAssembler;
import dev.slant.training.Progress;
import dev.slant.training.SelectionGrid;
import dev.slant.training.TargetFit;
import dev.slant.training.TrainerSettings;
import dev.slant.training.TrainingJob;
import dev.slant.training.TrainingOutcome;
import dev.slant.training.TrainingRequest;
import dev.slant.training.WeightPruning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The benchmark behind {@code slant bench}: reads the corpus and trains Slant's default model (outlet
 * cross-validation off) timing both, writes and reloads the bundle, measures scoring of the test part on one
 * thread (with per-article latency) and on all threads, checks in a child JVM with a small heap that scoring
 * fits there, then runs each installed peer on the same parts of the same split.
 */
public final class Bench {
    /** The bundle the bench trains, in its work folder. */
    static final String BUNDLE_FILE = "slant-bench.slant";
    /** The test articles the scoring probe reads. */
    static final String ARTICLES_FILE = "test-articles.jsonl";
    /** The scoring probe's figures. */
    static final String PROBE_FILE = "probe.json";
    /** The scoring probe's stderr. */
    static final String PROBE_LOG = "probe.stderr.log";
    /** The files the bench writes in its work folder, besides a folder per peer ({@link #peerFolder}). */
    public static final List<String> WORK_FILES = List.of(BUNDLE_FILE, ARTICLES_FILE, PROBE_FILE, PROBE_LOG);

    private final BenchRequest request;
    private final List<Peer> peers;
    private final Progress progress;

    /** Reads the corpus, so that the bench can time it. */
    @FunctionalInterface
    public interface CorpusLoader {
        /**
         * @return the loaded corpus
         * @throws IOException if it cannot be read
         */
        LoadedCorpus load() throws IOException;
    }

    /**
     * @param request  what to measure
     * @param peers    the peers to run when {@link BenchRequest#peers()} (each skipped with a note if not installed)
     * @param progress where progress goes
     */
    public Bench(BenchRequest request, List<Peer> peers, Progress progress) {
        this.request = Objects.requireNonNull(request, "request");
        this.peers = List.copyOf(peers);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** @return the peers {@code slant bench --peers} runs: fastText and scikit-learn */
    public static List<Peer> defaultPeers() {
        return List.of(new FastTextPeer(), new SklearnPeer(TrainerSettings.DEFAULTS.cost()));
    }

    /**
     * @param work the bench's work folder
     * @param peer a peer
     * @return the folder of the peer's files
     */
    public static Path peerFolder(Path work, Peer peer) {
        return work.resolve(peer.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Runs the whole benchmark.
     *
     * @param loader reads the corpus
     * @return the table's rows and notes
     * @throws IOException          if the corpus or a peer's files cannot be read or written, or a peer fails
     * @throws BundleException      if the bundle cannot be written or read back
     * @throws InterruptedException if interrupted
     */
    public BenchReport run(CorpusLoader loader) throws IOException, BundleException, InterruptedException {
        Files.createDirectories(request.workDir());
        List<String> notes = new ArrayList<>();

        progress.phase("reading the corpus");
        System.gc();
        HeapPeaks.reset();
        long t0 = System.nanoTime();
        LoadedCorpus corpus = loader.load();
        TrainerSettings ts = TrainerSettings.DEFAULTS.withSeed(request.seed());
        TrainingRequest training = new TrainingRequest(request.targets(), request.split(), ts,
                SelectionGrid.single(FeaturizerSettings.DEFAULTS), ScrubSettings.DEFAULTS, false,
                SplitChoice.DEFAULT_FOLDS, request.seed(), request.threads(), request.keepWeights());
        // Training alone, as the benchmark's earlier figures measured it: no invariance test or drift reference.
        TrainingOutcome outcome = new TrainingJob(corpus, training, progress).withoutTrustChecks().run();
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        long trainPeak = HeapPeaks.peakBytes();

        progress.phase("writing the bundle");
        Path bundle = request.workDir().resolve(BUNDLE_FILE);
        long w0 = System.nanoTime();
        new BundleWriter().write(bundle, BundleAssembler.contents(outcome));
        double writeSeconds = (System.nanoTime() - w0) / 1e9;

        String main = request.main().name();
        TargetFit mainFit = outcome.result().targets().get(main);
        if (mainFit.test() == null) {
            throw new IllegalArgumentException("split '" + request.split() + "' has no test part to score");
        }
        Map<String, Article> byId = new HashMap<>();
        for (LabelledArticle a : corpus.articles()) {
            byId.put(a.id(), a.article());
        }
        List<Article> test = new ArrayList<>();
        for (Outcome o : mainFit.test().outcomes()) {
            test.add(byId.get(o.articleId()));
        }
        long testBytes = TextBytes.of(test);
        PeerData peerData = request.peers() ? peerData(corpus, outcome) : null;
        notes.add(String.format(Locale.ROOT, "corpus %s, split %s: %,d training articles, %,d test articles (%.1f MB of text, "
                        + "%,.0f bytes each on average); %d threads; Slant's default settings (%s; %s), outlet CV off",
                corpus.corpus().name(), request.split(), mainFit.trainRows(), test.size(), testBytes / 1e6,
                testBytes / (double) test.size(), request.threads(), describe(FeaturizerSettings.DEFAULTS), ts.describe()));
        StringBuilder f1 = new StringBuilder("Slant test macro-F1 per target:");
        outcome.result().targets().forEach((name, fit) -> f1.append(String.format(Locale.ROOT, " %s %.3f (majority %.3f);",
                name, fit.test().model().macroF1(), fit.test().baselineFigures().macroF1())));
        notes.add(f1.toString());
        double macroF1 = mainFit.test().model().macroF1();
        List<String> labels = mainFit.labels();
        boolean ordinal = mainFit.target().ordinal();
        var majority = mainFit.majority();
        Map<String, String> gold = new HashMap<>();
        for (Outcome o : mainFit.test().outcomes()) {
            gold.put(o.articleId(), o.gold());
        }
        outcome = null;
        corpus = null;
        byId = null;

        progress.phase("loading the bundle");
        System.gc();
        long loadStart = System.nanoTime();
        LoadedBundle loaded = BundleReader.read(bundle);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        SlantClassifier slant = SlantClassifier.of(loaded);
        notes.add(bundleNote(bundle, loaded, writeSeconds, loadSeconds));
        if (request.keepWeights() < WeightPruning.KEEP_ALL) {
            notes.add(String.format(Locale.ROOT, "pruned: each LibLinear model keeps the largest %s of its weights "
                    + "(--keep-weights); every figure is the pruned model's", Format.percent(request.keepWeights()) + "%"));
        }

        progress.phase("scoring " + test.size() + " test articles on 1 thread");
        ScoringSpeed.Figures one = ScoringSpeed.oneThread(slant, test, request.scoringSeconds());
        progress.phase("scoring " + test.size() + " test articles on " + request.threads() + " threads");
        ScoringSpeed.Figures all = ScoringSpeed.threads(slant, test, request.threads(), request.scoringSeconds());
        slant = null;
        loaded = null;

        progress.phase("checking the scoring heap in a child JVM with -Xmx" + request.probeHeapMb() + "m");
        long scorePeak = probe(bundle, test, notes);
        List<BenchRow> rows = new ArrayList<>();
        rows.add(new BenchRow("Slant", trainSeconds, one.articlesPerSecond(), one.articlesPerSecond() * testBytes / test.size() / 1e6,
                all.articlesPerSecond(), all.articlesPerSecond() * testBytes / test.size() / 1e6, one.p50Millis(), one.p99Millis(),
                trainPeak, scorePeak, Files.size(bundle), macroF1));

        if (request.peers()) {
            for (Peer peer : peers) {
                var missing = peer.unavailable();
                if (missing.isPresent()) {
                    notes.add(missing.get());
                    continue;
                }
                progress.phase("running " + peer.name());
                Peer.Run r = peer.run(peerData, peerFolder(request.workDir(), peer), request.threads());
                List<Outcome> outcomes = new ArrayList<>();
                for (PeerData.Example e : peerData.test()) {
                    String predicted = r.predictions().get(e.article().id());
                    outcomes.add(predicted == null || !labels.contains(predicted)
                            ? Outcome.abstained(e.article().id(), e.label(), Map.of())
                            : Outcome.answered(e.article().id(), e.label(), predicted, Map.of()));
                }
                double peerF1 = TargetEvaluation.of(main, labels, ordinal, majority, outcomes).model().macroF1();
                double perSecond = peerData.test().size() / r.scoreSeconds();
                rows.add(new BenchRow(peer.name(), r.trainSeconds(), perSecond, perSecond * testBytes / test.size() / 1e6,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, r.trainPeakBytes(), r.scorePeakBytes(), r.modelBytes(), peerF1));
                notes.add(peer.describe());
            }
        } else {
            notes.add("peers not run (add --peers)");
        }
        notes.add("memory: Slant's figures are peak heap, the most in use at one moment (garbage included): "
                + "training's reading included, scoring's in the child JVM; the peers' figures are peak resident "
                + "memory (/usr/bin/time); "
                + "peers have no multi-thread scoring or per-article latency here (n/a); ratios below 1 are better for "
                + "times, memory and size, above 1 for speeds and macro-F1");
        if (!gold.keySet().containsAll(peerData == null ? Set.of() : idsOf(peerData.test()))) {
            throw new IllegalStateException("the peers' test part differs from Slant's");
        }
        return new BenchReport(rows, request.threads(), notes);
    }

    private static Set<String> idsOf(List<PeerData.Example> examples) {
        Set<String> ids = new java.util.HashSet<>();
        examples.forEach(e -> ids.add(e.article().id()));
        return ids;
    }

    /** The split's parts as training made them: the same split, the same duplicates kept out of training. */
    private PeerData peerData(LoadedCorpus corpus, TrainingOutcome outcome) throws IOException {
        String main = request.main().name();
        Split split = SplitChoice.make(request.split(), corpus.articles(), corpus.corpus().publishedSplits(),
                outcome.duplicates()::groupKey, main, request.seed(), SplitChoice.DEFAULT_FOLDS).get(0);
        Set<String> dropped = outcome.drops().all();
        List<PeerData.Example> train = new ArrayList<>();
        List<PeerData.Example> valid = new ArrayList<>();
        List<PeerData.Example> test = new ArrayList<>();
        for (LabelledArticle a : corpus.articles()) {
            var label = a.labels().get(main);
            var part = split.partOf(a.id());
            if (label.isEmpty() || part.isEmpty()) {
                continue;
            }
            PeerData.Example e = new PeerData.Example(a.article(), label.get());
            if (part.get() == Part.TRAIN && !dropped.contains(a.id())) {
                train.add(e);
            } else if (part.get() == Part.VALID) {
                valid.add(e);
            } else if (part.get() == Part.TEST) {
                test.add(e);
            }
        }
        return new PeerData(main, train, valid, test);
    }

    private long probe(Path bundle, List<Article> test, List<String> notes) throws IOException, InterruptedException {
        Path articles = request.workDir().resolve(ARTICLES_FILE);
        ScoringProbe.write(articles, test);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx" + request.probeHeapMb() + "m", "-cp",
                System.getProperty("java.class.path"), ScoringProbe.class.getName(), bundle.toString(),
                articles.toString(), String.valueOf(request.threads()));
        Path out = request.workDir().resolve(PROBE_FILE);
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(request.workDir().resolve(PROBE_LOG).toFile()).start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        String text = Files.readString(out, StandardCharsets.UTF_8).strip();
        JsonNode r;
        try {
            r = new ObjectMapper().readTree(text.isEmpty() ? "{}" : text.substring(text.lastIndexOf('\n') + 1));
        } catch (IOException e) {
            r = new ObjectMapper().createObjectNode();
        }
        if (code != 0 || r.has("error") || !r.has("peakBytes")) {
            notes.add("scoring heap: a child JVM with -Xmx" + request.probeHeapMb() + "m could NOT load and score the bundle: "
                    + r.path("error").asText("exit status " + code + ", see " + request.workDir().resolve(PROBE_LOG)));
            return -1;
        }
        notes.add(String.format(Locale.ROOT, "scoring heap: a child JVM with -Xmx%dm loaded the bundle in %.2f s and scored "
                        + "the %,d test articles on %d threads, streaming; live heap after loading %s, peak heap %s",
                request.probeHeapMb(), r.path("loadSeconds").asDouble(), r.path("articles").asLong(), request.threads(),
                BenchTable.bytes(r.path("liveBytesAfterLoad").asLong()), BenchTable.bytes(r.path("peakBytes").asLong())));
        return r.path("peakBytes").asLong();
    }

    private static String bundleNote(Path bundle, LoadedBundle loaded, double writeSeconds, double loadSeconds) throws IOException {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Slant bundle: %s on disk, written in %.1f s (not in the "
                + "training time), loaded and checked in %.2f s; per target, compressed:",
                BenchTable.bytes(Files.size(bundle)), writeSeconds, loadSeconds));
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (String target : loaded.manifest().targetNames()) {
                long model = compressed(zip, BundleFormat.modelEntry(target));
                long scorer = compressed(zip, BundleFormat.scorerEntry(target));
                String parts = scorer == 0 ? "the Tribuo model, its weights read once into the scorer"
                        : "Tribuo model " + BenchTable.bytes(model) + " + scorer entry " + BenchTable.bytes(scorer);
                LinearScorer s = loaded.scorers().get(target);
                sb.append(String.format(Locale.ROOT, " %s %s (%s; %,d of %,d buckets known, scorer arrays %s in heap%s);",
                        target, BenchTable.bytes(model + scorer), parts, s.knownBuckets(), s.buckets(),
                        BenchTable.bytes(s.arrayBytes()), s.sparse() ? String.format(Locale.ROOT,
                                ", sparse: %,d non-zero weights", s.storedWeights()) : ""));
            }
        }
        return sb.toString();
    }

    private static long compressed(ZipFile zip, String name) {
        ZipEntry e = zip.getEntry(name);
        return e == null ? 0 : e.getCompressedSize();
    }

    private static String describe(FeaturizerSettings fs) {
        return dev.slant.training.TrainingRun.describe(fs);
    }
}
