package dev.slant.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scikit-learn (Debian package {@code python3-sklearn}, run by Debian's {@code /usr/bin/python3}): TF-IDF word 1-2
 * grams (min_df 2, sublinear tf) and a class-balanced LinearSVC with Slant's default C, through the script
 * {@code bench/sklearn_peer.py} shipped in this jar. Its scoring time is transform and predict of the test texts
 * already in memory, best of three, on one thread.
 */
public final class SklearnPeer implements Peer {
    /** The Python that has Debian's scikit-learn (not a pyenv one on PATH). */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "/bench/sklearn_peer.py";
    private final double cost;

    /** @param cost the LinearSVC's C */
    public SklearnPeer(double cost) {
        this.cost = cost;
    }

    @Override
    public String name() {
        return "scikit-learn";
    }

    @Override
    public Optional<String> unavailable() {
        if (!Files.isExecutable(PYTHON)) {
            return Optional.of("scikit-learn skipped: no " + PYTHON + " (Debian: apt-get install python3-sklearn)");
        }
        if (!ExternalCommand.succeeds(List.of(PYTHON.toString(), "-c", "import sklearn"))) {
            return Optional.of("scikit-learn skipped: " + PYTHON + " cannot import sklearn (Debian: apt-get install python3-sklearn)");
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "scikit-learn: TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True) and "
                + "LinearSVC(C=" + cost + ", class_weight=\"balanced\"), one thread";
    }

    @Override
    public Run run(PeerData data, Path dir, int threads) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path script = dir.resolve("sklearn_peer.py");
        try (InputStream in = SklearnPeer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the jar has no " + SCRIPT);
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path train = write(dir.resolve("train.tsv"), data.train());
        Path valid = write(dir.resolve("valid.tsv"), data.valid());
        Path test = write(dir.resolve("test.tsv"), data.test());
        Path predictions = dir.resolve("predictions.tsv");
        Path model = dir.resolve("model.pkl");
        Path report = dir.resolve("report.json");
        ExternalCommand.Ran ran = ExternalCommand.run(List.of(PYTHON.toString(), script.toString(), train.toString(),
                valid.toString(), test.toString(), predictions.toString(), model.toString(), String.valueOf(cost)),
                dir, report, "sklearn");
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        Map<String, String> labels = new HashMap<>();
        data.train().forEach(e -> labels.put(label(e.label()), e.label()));
        Map<String, String> byId = new HashMap<>();
        for (String line : Files.readAllLines(predictions, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException(predictions + ": a line without a tab: " + line);
            }
            int row = Integer.parseInt(line.substring(0, tab));
            String predicted = line.substring(tab + 1);
            byId.put(data.test().get(row).article().id(), labels.getOrDefault(predicted, predicted));
        }
        // One process trains and scores, so its peak memory is both phases'.
        return new Run(r.path("trainSeconds").asDouble(Double.NaN), r.path("predictSeconds").asDouble(Double.NaN),
                ran.peakBytes(), ran.peakBytes(), r.path("modelBytes").asLong(-1), byId);
    }

    /** A label as the script's files hold it: without white space. */
    private static String label(String label) {
        return label.replaceAll("\\s", "_");
    }

    private static Path write(Path file, List<PeerData.Example> examples) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < examples.size(); i++) {
                PeerData.Example e = examples.get(i);
                w.write(i + "\t" + label(e.label()) + "\t" + e.oneLine() + "\n");
            }
        }
        return file;
    }
}
