package dev.slant.inference.batch;

import dev.slant.datasets.io.AtomicOutput;
import java.util.Locale;

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

    /**
     * @param name csv or jsonl (or ndjson), any case
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    public static OutputFormat parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("ndjson")) {
            return JSONL;
        }
        for (OutputFormat f : values()) {
            if (f.label.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown output format '" + name + "' (csv, jsonl)");
    }

    /**
     * Tells the format from a file name: {@code .csv}, {@code .jsonl} or {@code .ndjson}, each optionally
     * followed by {@code .gz}, any case.
     *
     * @param fileName the file's name or path
     * @return the format
     * @throws IllegalArgumentException if the name has none of those suffixes
     */
    public static OutputFormat fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(AtomicOutput.GZIP_SUFFIX)) {
            n = n.substring(0, n.length() - AtomicOutput.GZIP_SUFFIX.length());
        }
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return JSONL;
        }
        throw new IllegalArgumentException("cannot tell the output format of '" + fileName
                + "' from its name (.csv, .jsonl or .ndjson, optionally .gz): give --format csv or jsonl");
    }
}
