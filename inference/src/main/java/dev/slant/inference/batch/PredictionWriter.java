package dev.slant.inference.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.io.AtomicOutput;
import dev.slant.datasets.io.SafeCsvPrinter;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.explain.Explanation;
import dev.slant.inference.json.PredictionJson;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes predictions to a file through an {@link AtomicOutput}: the file appears whole on {@link #commit()}, and
 * closing without a commit leaves the target as it was.
 *
 * <p>CSV: the columns {@code id}, then per target {@code <target>} (the label, empty when abstaining) and
 * {@code <target>_probability}; with probabilities, {@code <target>_p_<label>} per label; with explanations,
 * {@code <target>_explanation} holding the explanation's JSON. Numbers are written exactly (shortest round-trip
 * form). A CSV cell a spreadsheet would run as a formula (an id such as {@code =HYPERLINK(...)}) gets a leading
 * single quote ({@link SafeCsvPrinter}). JSONL: one {@link PredictionJson} object per line, written as is. Not
 * thread-safe.
 */
public final class PredictionWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicOutput out;
    private final OutputFormat format;
    private final Map<String, List<String>> labels;
    private final boolean probabilities;
    private final boolean explanations;
    private final SafeCsvPrinter csv;
    private final List<Object> row = new ArrayList<>();
    private long written;

    private PredictionWriter(AtomicOutput out, OutputFormat format, Map<String, List<String>> labels,
            boolean probabilities, boolean explanations) throws IOException {
        this.out = out;
        this.format = format;
        this.labels = labels;
        this.probabilities = probabilities;
        this.explanations = explanations;
        Writer w = out.writer();
        if (format == OutputFormat.CSV) {
            csv = new SafeCsvPrinter(w);
            csv.printRecord(header());
        } else {
            csv = null;
        }
    }

    /**
     * Starts a predictions file (gzip-compressed if its name ends in {@code .gz}).
     *
     * @param target        the file
     * @param format        its layout
     * @param labels        each target's labels in order, targets in the classifier's order
     * @param probabilities whether to write every label's probability
     * @param explanations  whether rows carry explanations (a CSV column per target)
     * @return the writer; the caller commits and closes it
     * @throws IOException if the file cannot be started
     */
    public static PredictionWriter open(Path target, OutputFormat format, Map<String, List<String>> labels,
            boolean probabilities, boolean explanations) throws IOException {
        Objects.requireNonNull(format, "format");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        labels.forEach((t, l) -> copy.put(t, List.copyOf(l)));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no target to write");
        }
        AtomicOutput out = AtomicOutput.open(target);
        try {
            return new PredictionWriter(out, format, copy, probabilities, explanations);
        } catch (IOException | RuntimeException e) {
            try {
                out.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** @return the CSV header: id, then each target's columns */
    List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("id");
        for (Map.Entry<String, List<String>> t : labels.entrySet()) {
            h.add(t.getKey());
            h.add(t.getKey() + "_probability");
            if (probabilities) {
                t.getValue().forEach(l -> h.add(t.getKey() + "_p_" + l));
            }
            if (explanations) {
                h.add(t.getKey() + "_explanation");
            }
        }
        return h;
    }

    /**
     * Writes one article's prediction.
     *
     * @param p            the prediction, with the targets this writer was opened for
     * @param explanations its explanations by target (empty when there are none)
     * @throws IOException              if writing fails
     * @throws IllegalArgumentException if the prediction's targets differ from the writer's
     */
    public void write(Prediction p, Map<String, Explanation> explanations) throws IOException {
        if (p.targets().size() != labels.size()) {
            throw new IllegalArgumentException("article " + p.articleId() + " has " + p.targets().size()
                    + " targets, the output " + labels.keySet());
        }
        if (format == OutputFormat.JSONL) {
            Writer w = out.writer();
            w.write(JSON.writeValueAsString(PredictionJson.toJson(p, probabilities, explanations)));
            w.write('\n');
        } else {
            row.clear();
            row.add(p.articleId());
            for (Map.Entry<String, List<String>> t : labels.entrySet()) {
                TargetPrediction tp = p.target(t.getKey());
                row.add(tp.abstained() ? "" : tp.label());
                row.add(tp.abstained() ? "" : Double.toString(tp.probability()));
                if (probabilities) {
                    for (String l : t.getValue()) {
                        row.add(tp.abstained() ? "" : Double.toString(tp.probabilities().get(l)));
                    }
                }
                if (this.explanations) {
                    Explanation e = explanations.get(t.getKey());
                    row.add(e == null ? "" : JSON.writeValueAsString(PredictionJson.explanation(e)));
                }
            }
            csv.printRecord(row);
        }
        written++;
    }

    /** @return predictions written so far */
    public long written() {
        return written;
    }

    /**
     * Completes the file and puts it in place.
     *
     * @throws IOException if it cannot be completed (no file is left then)
     */
    public void commit() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        out.commit();
    }

    /**
     * Ends the writer; without a commit no file is left and the target is untouched.
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
