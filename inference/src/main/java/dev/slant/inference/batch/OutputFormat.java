package dev.slant.inference.batch;

import dev.slant.datasets.io.DataFormat;
import java.util.Set;

/** The layouts of a predictions file. */
public enum OutputFormat {
    /** One CSV row per article: the id, then per target its label and probability (and more columns on request). */
    CSV("csv"),
    /** One JSON object per line, as {@link dev.slant.inference.json.PredictionJson} makes it. */
    JSONL("jsonl");

    private final String label;

    OutputFormat(String label) {
        this.label = label;
    }

    /** @return the name used on the command line */
    public String label() {
        return label;
    }

    /** The formats predictions are written in, as {@link DataFormat}s. */
    public static final Set<DataFormat> WRITTEN = Set.of(DataFormat.CSV, DataFormat.JSONL);

    /**
     * Parses a format's name ({@link DataFormat#named}).
     *
     * @param name csv or jsonl (or ndjson, json), any case
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    public static OutputFormat parse(String name) {
        return of(DataFormat.named(name, WRITTEN, "output format"));
    }

    /**
     * Tells the format from a file name ({@link DataFormat#ofFile}): {@code .csv}, {@code .jsonl} or
     * {@code .ndjson}, each optionally followed by {@code .gz}, any case.
     *
     * @param fileName the file's name or path
     * @return the format
     * @throws IllegalArgumentException if the name has none of those suffixes
     */
    public static OutputFormat fromFileName(String fileName) {
        return of(DataFormat.ofFile(fileName, WRITTEN, "give --format csv or jsonl"));
    }

    private static OutputFormat of(DataFormat format) {
        return format == DataFormat.CSV ? CSV : JSONL;
    }
}
