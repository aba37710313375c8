package dev.slant.inference.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.io.AtomicOutput;
import dev.slant.datasets.io.SafeCsvPrinter;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.explain.Explanation;
import dev.slant.inference.json.PredictionJson;
import java.io.Closeable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes predictions to a file through an {@link AtomicOutput}: the file appears whole on {@link #commit()}, and
 * closing without a commit leaves the target as it was. Or to a stream such as standard output
 * ({@link #open(OutputStream, OutputFormat, Map, boolean, boolean)}), where rows go out as they come.
 *
 * <p>CSV: the columns {@code id}, then per target {@code <target>} (the label, empty when abstaining) and
 * {@code <target>_probability}; with probabilities, {@code <target>_p_<label>} per label; with explanations,
 * {@code <target>_explanation} holding the explanation's JSON. Numbers are written exactly (shortest round-trip
 * form). A CSV cell a spreadsheet would run as a formula (an id such as {@code =HYPERLINK(...)}) gets a leading
 * single quote ({@link SafeCsvPrinter}). JSONL: one {@link PredictionJson} object per line, written as is.
 * {@link #format} may run on any thread; the rest is for one thread.
 */
public final class PredictionWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicOutput out;
    private final Writer writer;
    private final OutputFormat format;
    private final Map<String, List<String>> labels;
    private final boolean probabilities;
    private final boolean explanations;
    private final ThreadLocal<RowFormat> rows = ThreadLocal.withInitial(RowFormat::new);
    private long written;

    private PredictionWriter(AtomicOutput out, Writer writer, OutputFormat format, Map<String, List<String>> labels,
            boolean probabilities, boolean explanations) throws IOException {
        this.out = out;
        this.writer = writer;
        this.format = format;
        this.labels = labels;
        this.probabilities = probabilities;
        this.explanations = explanations;
        if (format == OutputFormat.CSV) {
            RowFormat header = new RowFormat();
            header.printer.printRecord(header());
            writer.write(header.take());
        }
    }

    /** One thread's CSV printer over a buffer. */
    private static final class RowFormat {
        final StringBuilder buffer = new StringBuilder(256);
        final SafeCsvPrinter printer;
        final List<Object> row = new ArrayList<>();

        RowFormat() {
            try {
                printer = new SafeCsvPrinter(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String take() {
            String s = buffer.toString();
            buffer.setLength(0);
            return s;
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
        Map<String, List<String>> copy = copy(labels);
        AtomicOutput out = AtomicOutput.open(target);
        try {
            return new PredictionWriter(out, out.writer(), format, copy, probabilities, explanations);
        } catch (IOException | RuntimeException e) {
            try {
                out.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Writes predictions to a stream, as they come (standard output: nothing is held back for a commit, so a run
     * that fails half-way leaves what it wrote). {@link #commit()} and {@link #close()} flush it; neither closes it.
     *
     * @param stream        the stream
     * @param format        the layout
     * @param labels        each target's labels in order, targets in the classifier's order
     * @param probabilities whether to write every label's probability
     * @param explanations  whether rows carry explanations (a CSV column per target)
     * @return the writer
     * @throws IOException if the header cannot be written
     */
    public static PredictionWriter open(OutputStream stream, OutputFormat format, Map<String, List<String>> labels,
            boolean probabilities, boolean explanations) throws IOException {
        return open(new OutputStreamWriter(Objects.requireNonNull(stream, "stream"), StandardCharsets.UTF_8), format,
                labels, probabilities, explanations);
    }

    /**
     * Writes predictions to a text stream, as they come; see {@link #open(OutputStream, OutputFormat, Map, boolean,
     * boolean)}.
     *
     * @param stream        the stream
     * @param format        the layout
     * @param labels        each target's labels in order, targets in the classifier's order
     * @param probabilities whether to write every label's probability
     * @param explanations  whether rows carry explanations (a CSV column per target)
     * @return the writer
     * @throws IOException if the header cannot be written
     */
    public static PredictionWriter open(Writer stream, OutputFormat format, Map<String, List<String>> labels,
            boolean probabilities, boolean explanations) throws IOException {
        Objects.requireNonNull(format, "format");
        Writer w = new BufferedWriter(Objects.requireNonNull(stream, "stream"), 1 << 16);
        return new PredictionWriter(null, w, format, copy(labels), probabilities, explanations);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> labels) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        labels.forEach((t, l) -> copy.put(t, List.copyOf(l)));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no target to write");
        }
        return copy;
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
        writeRow(format(p, explanations));
    }

    /**
     * One article's row, line end included, as {@link #write} writes it. Any thread may call it.
     *
     * @param p            the prediction, with the targets this writer was opened for
     * @param explanations its explanations by target (empty when there are none)
     * @return the row
     * @throws IllegalArgumentException if the prediction's targets differ from the writer's
     */
    public String format(Prediction p, Map<String, Explanation> explanations) {
        if (p.targets().size() != labels.size()) {
            throw new IllegalArgumentException("article " + p.articleId() + " has " + p.targets().size()
                    + " targets, the output " + labels.keySet());
        }
        try {
            if (format == OutputFormat.JSONL) {
                return JSON.writeValueAsString(PredictionJson.toJson(p, probabilities, explanations)) + "\n";
            }
            RowFormat f = rows.get();
            List<Object> row = f.row;
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
            f.printer.printRecord(row);
            return f.take();
        } catch (IOException e) {
            throw new UncheckedIOException("formatting a row in memory failed", e);
        }
    }

    /**
     * Writes a row {@link #format} made.
     *
     * @param row the row
     * @throws IOException if writing fails
     */
    public void writeRow(String row) throws IOException {
        writer.write(row);
        written++;
    }

    /** @return predictions written so far */
    public long written() {
        return written;
    }

    /**
     * Completes the file and puts it in place (a stream: flushes it).
     *
     * @throws IOException if it cannot be completed (no file is left then)
     */
    public void commit() throws IOException {
        writer.flush();
        if (out != null) {
            out.commit();
        }
    }

    /**
     * Ends the writer; without a commit no file is left and the target is untouched (a stream is flushed, not
     * closed).
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        } else {
            writer.flush();
        }
    }
}
