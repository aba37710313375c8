package dev.slant.cli.bench;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadReport;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.training.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The benchmark behind {@code slant bench scoring}: {@code slant score} over one file, end to end (each run a new
 * JVM under a small heap, JVM start and bundle loading included), on one thread and on all, beside fastText's
 * {@code predict} over the same articles in the same run. The commands take turns, round after round, so that a
 * machine whose speed drifts slows them alike; each figure is the median of the rounds, with the fastest and
 * slowest beside it.
 */
public final class FileScoringBench {

    /** Reads the file's articles (for fastText's copy of them): the same reader and columns as the scoring runs. */
    @FunctionalInterface
    public interface Articles {
        /**
         * @return a reader over the file
         * @throws IOException if it cannot be opened
         */
        ArticleReader open() throws IOException;
    }

    /** Loads the corpus a fastText model is trained on when none is given. */
    @FunctionalInterface
    public interface TrainingCorpus {
        /**
         * @return the loaded corpus
         * @throws IOException if it cannot be read
         */
        LoadedCorpus load() throws IOException;
    }

    /**
     * What to measure.
     *
     * @param input        the file
     * @param scoreArgs    the arguments of {@code slant score} that say how to read the file and with which bundle
     *                     ({@code --model}, {@code --input}, column options); the bench adds output and threads
     * @param threads      the thread counts to time, for example 1 and the cores
     * @param rounds       rounds of runs
     * @param heap         the child JVMs' {@code -Xmx}, such as "256m"
     * @param javaOptions  more options of the child JVMs
     * @param fastTextBin  a fastText model to predict with; null to train one (or to use the one kept in the work
     *                     folder)
     * @param fastText     whether to run fastText at all
     * @param work         the work folder
     */
    public record Request(Path input, List<String> scoreArgs, List<Integer> threads, int rounds, String heap,
            List<String> javaOptions, Path fastTextBin, boolean fastText, Path work) {
        /** Validates and copies. */
        public Request {
            Objects.requireNonNull(input, "input");
            scoreArgs = List.copyOf(scoreArgs);
            threads = List.copyOf(threads);
            javaOptions = List.copyOf(javaOptions);
            if (rounds < 1 || threads.isEmpty()) {
                throw new IllegalArgumentException("at least one round and one thread count");
            }
        }
    }

    private final Request request;
    private final Progress progress;

    /**
     * @param request  what to measure
     * @param progress where progress goes
     */
    public FileScoringBench(Request request, Progress progress) {
        this.request = request;
        this.progress = progress;
    }

    /** Times of one command over the rounds, with the peak heap of each run (-1 if unknown). */
    private record Runs(String name, List<Double> seconds, List<Long> heaps) {
        double median() {
            return FileScoringBench.median(seconds);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param articles reads the file in process, to count its articles and give fastText their text
     * @param corpus   loads article-bias, to train fastText when no model is given
     * @return the Markdown report
     * @throws IOException          if a run fails or a file cannot be written
     * @throws InterruptedException if interrupted
     */
    public String run(Articles articles, TrainingCorpus corpus) throws IOException, InterruptedException {
        Files.createDirectories(request.work());
        String loadBefore = loadAverage();
        progress.phase("reading " + request.input() + " once (article count, fastText's copy, the page cache)");
        Path text = request.work().resolve("fasttext-input.txt");
        long count = 0;
        long textBytes = 0;
        ReadReport report;
        try (ArticleReader reader = articles.open();
                BufferedWriter w = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            while (reader.hasNext()) {
                LabelledArticle a = reader.next();
                PeerData.Example e = new PeerData.Example(a.article(), "");
                String line = FastTextPeer.tokens(e.oneLine());
                w.write(line);
                w.write('\n');
                count++;
                textBytes += a.article().title().getBytes(StandardCharsets.UTF_8).length
                        + a.article().text().getBytes(StandardCharsets.UTF_8).length;
            }
            report = reader.report();
        }
        Path model = null;
        if (request.fastText()) {
            model = request.fastTextBin() != null ? request.fastTextBin() : fastTextModel(corpus);
        }
        List<Runs> slant = new ArrayList<>();
        for (int t : request.threads()) {
            slant.add(new Runs("slant score, " + t + (t == 1 ? " thread" : " threads"), new ArrayList<>(),
                    new ArrayList<>()));
        }
        Runs fast = new Runs("fasttext predict, 1 thread", new ArrayList<>(), new ArrayList<>());
        for (int round = 1; round <= request.rounds(); round++) {
            for (int i = 0; i < request.threads().size(); i++) {
                int t = request.threads().get(i);
                progress.phase("round " + round + " of " + request.rounds() + ": slant score on " + t + " threads");
                double[] heap = new double[1];
                slant.get(i).seconds().add(scoreOnce(t, heap));
                slant.get(i).heaps().add((long) heap[0]);
            }
            if (model != null) {
                progress.phase("round " + round + " of " + request.rounds() + ": fasttext predict");
                ExternalCommand.Ran ran = ExternalCommand.run(List.of(fastTextPath().toString(), "predict",
                        model.toString(), text.toString()), request.work(), request.work().resolve("fasttext.out"),
                        "fasttext-predict");
                fast.seconds().add(ran.seconds());
                fast.heaps().add(ran.peakBytes());
            }
        }
        return report(count, textBytes, report.bytes(), slant, model == null ? null : fast, model, loadBefore);
    }

    private double scoreOnce(int threads, double[] heap) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path peak = request.work().resolve("peak-heap.txt");
        Files.deleteIfExists(peak);
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + request.heap()));
        command.addAll(request.javaOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScoreRun.class.getName(),
                peak.toString()));
        command.addAll(request.scoreArgs());
        command.addAll(List.of("--output", request.work().resolve("predictions.csv").toString(), "--threads",
                String.valueOf(threads), "--quiet"));
        ExternalCommand.Ran ran = ExternalCommand.run(command, request.work(), request.work().resolve("score.out"),
                "slant-score-" + threads);
        heap[0] = Files.exists(peak) ? Long.parseLong(Files.readString(peak).strip()) : -1;
        return ran.seconds();
    }

    private static Path fastTextPath() throws IOException {
        Path p = ExternalCommand.onPath("fasttext");
        if (p == null) {
            throw new IOException("no 'fasttext' program on PATH (Debian: apt-get install fasttext), or give "
                    + "--no-fasttext");
        }
        return p;
    }

    /**
     * fastText with the shape {@code slant bench --peers} gives it (word bigrams, 100 dimensions, 2 million
     * buckets), trained on article-bias's media split, train part, stance; kept in the work folder and reused.
     * It is trained for one epoch, not ten: the model's shape sets the cost of {@code predict} (loading it and
     * summing a vector per word and bigram), its weights do not, and ten epochs take half an hour on a busy
     * machine.
     */
    private Path fastTextModel(TrainingCorpus corpus) throws IOException, InterruptedException {
        Path bin = request.work().resolve("fasttext-article-bias-media-stance.bin");
        if (Files.isRegularFile(bin)) {
            return bin;
        }
        Path fasttext = fastTextPath();
        progress.phase("training fastText on article-bias's media train part (once; kept as " + bin + ")");
        LoadedCorpus loaded = corpus.load();
        Split split = loaded.corpus().publishedSplits().get("media");
        if (split == null) {
            throw new IOException("article-bias has no media split here; give --fasttext-model");
        }
        Target stance = loaded.corpus().targets().get(0);
        Path train = request.work().resolve("fasttext-train.txt");
        try (BufferedWriter w = Files.newBufferedWriter(train, StandardCharsets.UTF_8)) {
            for (LabelledArticle a : loaded.articles()) {
                var label = a.labels().get(stance.name());
                if (label.isPresent() && split.partOf(a.id()).filter(p -> p == Part.TRAIN).isPresent()) {
                    w.write("__label__" + label.get().replace(' ', '_') + " "
                            + FastTextPeer.tokens(new PeerData.Example(a.article(), label.get()).oneLine()));
                    w.write('\n');
                }
            }
        }
        // Trained under another name and renamed: a run stopped half-way leaves no model that looks whole.
        String base = request.work().resolve("fasttext-training").toString();
        ExternalCommand.run(List.of(fasttext.toString(), "supervised", "-input", train.toString(), "-output", base,
                "-wordNgrams", "2", "-epoch", "1", "-thread", String.valueOf(Runtime.getRuntime()
                        .availableProcessors()), "-verbose", "0"), request.work(),
                request.work().resolve("fasttext-supervised.out"), "fasttext-supervised");
        Files.deleteIfExists(Path.of(base + ".vec"));
        Files.move(Path.of(base + ".bin"), bin, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return bin;
    }

    private String report(long articles, long textBytes, long inputBytes, List<Runs> slant, Runs fast, Path model,
            String loadBefore) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("| command | seconds, median (fastest - slowest) | MB/s of input | MB/s of text | articles/s "
                + "| peak heap | speed / fastText's |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        double fastMedian = fast == null ? Double.NaN : fast.median();
        for (Runs r : slant) {
            row(sb, r, articles, textBytes, inputBytes, fastMedian, fast);
        }
        if (fast != null) {
            row(sb, fast, articles, textBytes, inputBytes, Double.NaN, null);
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "- input: %s, %,d bytes on disk, %,d bytes of text to read (decompressed, "
                        + "what MB/s of input counts), %,d articles, %,d bytes of titles and bodies (MB/s of text)%n",
                request.input(), Files.size(request.input()), inputBytes, articles, textBytes));
        sb.append(String.format(Locale.ROOT, "- each figure is the median of %d rounds; in each round every command "
                + "runs once, in turn; every slant run is a new JVM (-Xmx%s %s), JVM start and bundle loading "
                + "included; peak heap is the most heap in use at one moment (garbage included), the largest of the "
                + "runs; fastText's is its peak resident memory%n", request.rounds(), request.heap(),
                String.join(" ", request.javaOptions())));
        if (slant.size() > 1) {
            sb.append(String.format(Locale.ROOT, "- %s against %s: %.2f times as fast (ratio of the medians)%n",
                    slant.get(slant.size() - 1).name(), slant.get(0).name(),
                    slant.get(0).median() / slant.get(slant.size() - 1).median()));
        }
        if (fast != null) {
            sb.append("- fastText: `fasttext predict` of ").append(model).append(" (unless given: word bigrams, 100 "
                    + "dimensions, 2 million buckets, trained for one epoch on article-bias's media train part; its "
                    + "shape, not its training, sets predict's cost) over the same articles, lower-cased with "
                    + "punctuation removed beforehand (not timed), model loading included\n");
        }
        sb.append(String.format(Locale.ROOT, "- %d processors; load average %s before, %s after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, Runs r, long articles, long textBytes, long inputBytes,
            double fastMedian, Runs fast) {
        double m = r.median();
        double min = r.seconds().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = r.seconds().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        long heap = r.heaps().stream().mapToLong(Long::longValue).max().orElse(-1);
        sb.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f - %.2f) | %.1f | %.1f | %,.0f | %s | %s |%n",
                r.name(), m, min, max, inputBytes / 1e6 / m, textBytes / 1e6 / m, articles / m,
                heap < 0 ? "n/a" : BenchTable.bytes(heap),
                Double.isNaN(fastMedian) ? (fast == null && r.name().startsWith("fasttext") ? "1" : "n/a")
                        : String.format(Locale.ROOT, "%.1f", fastMedian / m)));
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
