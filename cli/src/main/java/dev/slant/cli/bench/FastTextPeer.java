package dev.slant.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * fastText (the {@code fasttext} program, Debian package {@code fasttext}): {@code supervised} with word
 * bigrams and 10 epochs, then {@code predict} over the test part. Its input is tokenized for it (lower-cased,
 * every run of characters other than letters and digits one space), outside its timing. {@code predict} runs on
 * one thread; its model loading, measured on a one-line input, is taken off its time, and the test part is
 * repeated {@value #PREDICT_REPEATS} times so that the remainder is long enough to measure.
 */
public final class FastTextPeer implements Peer {
    /** Test part copies in the file that {@code predict} reads. */
    static final int PREDICT_REPEATS = 5;
    private static final String PREFIX = "__label__";
    private final List<String> extraOptions;

    /** fastText with its own defaults besides the bigrams and epochs above. */
    public FastTextPeer() {
        this(List.of());
    }

    /**
     * @param extraOptions more options of {@code fasttext supervised}, e.g. a smaller {@code -bucket} and
     *                     {@code -dim} for a quick check (the default model is about 800 MB whatever the data)
     */
    public FastTextPeer(List<String> extraOptions) {
        this.extraOptions = List.copyOf(extraOptions);
    }

    @Override
    public String name() {
        return "fastText";
    }

    @Override
    public Optional<String> unavailable() {
        return ExternalCommand.onPath("fasttext") == null
                ? Optional.of("fastText skipped: no 'fasttext' program on PATH (Debian: apt-get install fasttext)")
                : Optional.empty();
    }

    @Override
    public String describe() {
        return "fastText: `fasttext supervised -wordNgrams 2 -epoch 10 -thread N`, then `fasttext predict` (one thread, "
                + "model loading taken off); input lower-cased with punctuation removed outside its timing";
    }

    @Override
    public Run run(PeerData data, Path dir, int threads) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path train = dir.resolve("train.txt");
        write(train, data.train(), 1, true);
        Path test = dir.resolve("test.txt");
        write(test, data.test(), PREDICT_REPEATS, false);
        Path one = dir.resolve("one.txt");
        write(one, data.test().subList(0, 1), 1, false);
        String fasttext = ExternalCommand.onPath("fasttext").toString();
        Path model = dir.resolve("model");
        List<String> supervised = new java.util.ArrayList<>(List.of(fasttext, "supervised", "-input", train.toString(),
                "-output", model.toString(), "-wordNgrams", "2", "-epoch", "10", "-thread", String.valueOf(threads),
                "-verbose", "0"));
        supervised.addAll(extraOptions);
        ExternalCommand.Ran trained = ExternalCommand.run(supervised, dir, dir.resolve("supervised.out"), "fasttext-supervised");
        Path bin = dir.resolve("model.bin");
        Path predictions = dir.resolve("predictions.txt");
        ExternalCommand.Ran load = ExternalCommand.run(List.of(fasttext, "predict", bin.toString(), one.toString()), dir,
                dir.resolve("one.out"), "fasttext-predict-one");
        ExternalCommand.Ran predicted = ExternalCommand.run(List.of(fasttext, "predict", bin.toString(), test.toString()), dir,
                predictions, "fasttext-predict");
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        if (lines.size() != data.test().size() * PREDICT_REPEATS) {
            throw new IOException("fasttext predict wrote " + lines.size() + " lines for " + data.test().size() * PREDICT_REPEATS
                    + " articles (" + predictions + ")");
        }
        Map<String, String> byId = new HashMap<>();
        for (int i = 0; i < data.test().size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith(PREFIX)) {
                throw new IOException(predictions + " line " + (i + 1) + ": not a fastText label: " + line);
            }
            byId.put(data.test().get(i).article().id(), line.substring(PREFIX.length()));
        }
        double scoring = Math.max(predicted.seconds() - load.seconds(), 1e-9) / PREDICT_REPEATS;
        return new Run(trained.seconds(), scoring, trained.peakBytes(), predicted.peakBytes(), Files.size(bin), byId);
    }

    private static void write(Path file, List<PeerData.Example> examples, int repeats, boolean labelled) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int r = 0; r < repeats; r++) {
                for (PeerData.Example e : examples) {
                    if (labelled) {
                        w.write(PREFIX + e.label().replace(' ', '_') + " ");
                    }
                    w.write(tokens(e.oneLine()));
                    w.write('\n');
                }
            }
        }
    }

    /** Lower-cased, every run of characters other than letters and digits one space. */
    static String tokens(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
