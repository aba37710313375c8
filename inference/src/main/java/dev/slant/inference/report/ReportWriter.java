package dev.slant.inference.report;

import dev.slant.datasets.io.AtomicOutput;
import dev.slant.inference.eval.TargetResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an evaluation report into a folder: {@value #MARKDOWN}, {@value #JSON}, and per target
 * {@code confusion-<target>.svg} and {@code reliability-<target>.svg} (of the pooled folds for a
 * cross-validation). Each file is written whole or not at all by {@link AtomicOutput}: to a temporary file in the
 * same folder, then renamed over the old one in one step.
 */
public final class ReportWriter {
    /** The Markdown report's file name. */
    public static final String MARKDOWN = "report.md";
    /** The JSON report's file name. */
    public static final String JSON = "report.json";
    /** What a target's name may be, since it is part of file names. */
    public static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ReportWriter() {
    }

    /**
     * @param target a target's name
     * @return the file name of its confusion matrix picture
     */
    public static String confusionFile(String target) {
        return "confusion-" + target + ".svg";
    }

    /**
     * @param target a target's name
     * @return the file name of its reliability diagram
     */
    public static String reliabilityFile(String target) {
        return "reliability-" + target + ".svg";
    }

    /**
     * Renders every file first, then writes each one atomically, creating the folder if needed.
     *
     * @param folder  the folder to write into
     * @param results the targets' results, in report order; at least one, target names distinct and matching
     *                {@link #TARGET_NAME}
     * @return the files written, in order
     * @throws IllegalArgumentException if there is no result, a target name repeats or does not suit a file name
     * @throws IOException              if the folder cannot be created or a file cannot be written (the message
     *                                  names the file; files written before it stay written)
     */
    public static List<Path> write(Path folder, List<? extends TargetResult> results) throws IOException {
        Objects.requireNonNull(folder, "folder");
        List<TargetResult> copy = List.copyOf(results);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no results to write a report of");
        }
        Set<String> seen = new HashSet<>();
        for (TargetResult r : copy) {
            if (!TARGET_NAME.matcher(r.target()).matches()) {
                throw new IllegalArgumentException("target name '" + r.target() + "' cannot be part of a file name"
                        + " (letters, digits, '.', '_' and '-', starting with a letter or digit)");
            }
            if (!seen.add(r.target())) {
                throw new IllegalArgumentException("target '" + r.target() + "' is in the report twice");
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MARKDOWN, MarkdownReport.render(copy));
        files.put(JSON, JsonReport.render(copy));
        for (TargetResult r : copy) {
            files.put(confusionFile(r.target()), ConfusionMatrixSvg.render(r.overall()));
            files.put(reliabilityFile(r.target()), ReliabilityDiagramSvg.render(r.overall()));
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = folder.resolve(f.getKey());
            writeAtomically(file, f.getValue());
            written.add(file);
        }
        return written;
    }

    /**
     * Writes a file whole or not at all, through the shared {@link AtomicOutput} (a link is followed and kept, a
     * FIFO or device written through, temporary files deleted on SIGTERM and cleaned when stale).
     */
    private static void writeAtomically(Path file, String content) throws IOException {
        try (AtomicOutput out = AtomicOutput.openUncompressed(file)) {
            out.stream().write(content.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }
}
