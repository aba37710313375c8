package dev.slant.datasets.io;

import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/** The layouts of article files the readers understand. */
public enum ArticleFormat {
    /** RFC 4180 CSV: comma-separated, fields quoted with '"' where needed (and then free to span lines). */
    CSV("csv"),
    /** Tab-separated, fields quoted with '"' where needed, as CSV. */
    TSV("tsv"),
    /** Tab-separated with no quoting at all: a '"' is an ordinary character (LIAR). */
    TSV_UNQUOTED("tsv-unquoted"),
    /** One JSON object per line (JSON Lines, NDJSON). */
    JSONL("jsonl");

    private final String label;

    ArticleFormat(String label) {
        this.label = label;
    }

    /** @return the name used on the command line */
    public String label() {
        return label;
    }

    /** @return whether this is a delimited (CSV or TSV) format */
    public boolean delimited() {
        return this != JSONL;
    }

    /**
     * Parses a format's command-line name: csv, tsv, tsv-unquoted, jsonl (or ndjson).
     *
     * @param name the name, any case
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    public static ArticleFormat parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("ndjson")) {
            return JSONL;
        }
        for (ArticleFormat f : values()) {
            if (f.label.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (csv, tsv, tsv-unquoted, jsonl)");
    }

    /**
     * Tells the format from a file name: {@code .csv}, {@code .tsv}, {@code .jsonl} or {@code .ndjson}, each
     * optionally followed by {@code .gz}, any case. A {@code .tsv} file is taken to be quoted.
     *
     * @param fileName the file's name or path
     * @return the format
     * @throws IllegalArgumentException if the name has none of those suffixes
     */
    public static ArticleFormat fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(AtomicOutput.GZIP_SUFFIX)) {
            n = n.substring(0, n.length() - AtomicOutput.GZIP_SUFFIX.length());
        }
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".tsv")) {
            return TSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return JSONL;
        }
        throw new IllegalArgumentException("cannot tell the format of '" + fileName
                + "' from its name (.csv, .tsv, .jsonl or .ndjson, optionally .gz): give the format explicitly");
    }

    /**
     * The Commons CSV format that parses this layout. Empty lines are kept as records, so that line numbers
     * stay exact; the readers skip them.
     *
     * @return the parser format
     * @throws IllegalStateException for {@link #JSONL}
     */
    CSVFormat csvFormat() {
        switch (this) {
            case CSV:
                return CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
            case TSV:
                return CSVFormat.RFC4180.builder().setDelimiter('\t').setIgnoreEmptyLines(false).get();
            case TSV_UNQUOTED:
                return CSVFormat.RFC4180.builder().setDelimiter('\t').setQuote(null).setIgnoreEmptyLines(false)
                        .get();
            default:
                throw new IllegalStateException(this + " is not a delimited format");
        }
    }
}
