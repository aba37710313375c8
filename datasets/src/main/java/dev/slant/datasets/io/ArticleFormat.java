package dev.slant.datasets.io;

import java.util.Set;

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

    /** The formats the readers read, as {@link DataFormat}s. */
    public static final Set<DataFormat> READ = Set.of(DataFormat.CSV, DataFormat.TSV, DataFormat.TSV_UNQUOTED,
            DataFormat.JSONL);

    /**
     * @param format one of {@link #READ}
     * @return the reader's format
     * @throws IllegalArgumentException for another
     */
    public static ArticleFormat of(DataFormat format) {
        return switch (format) {
            case CSV -> CSV;
            case TSV -> TSV;
            case TSV_UNQUOTED -> TSV_UNQUOTED;
            case JSONL -> JSONL;
            case PARQUET -> throw new IllegalArgumentException("articles are not read from parquet here");
        };
    }

    /**
     * Parses a format's command-line name ({@link DataFormat#named}): csv, tsv, tsv-unquoted, jsonl (or ndjson, json).
     *
     * @param name the name, any case
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    public static ArticleFormat parse(String name) {
        return of(DataFormat.named(name, READ, "format"));
    }

    /**
     * Tells the format from a file name ({@link DataFormat#ofFile}): {@code .csv}, {@code .tsv}, {@code .jsonl} or
     * {@code .ndjson}, each optionally followed by {@code .gz}, any case. A {@code .tsv} file is taken to be quoted.
     *
     * @param fileName the file's name or path
     * @param hint     how the user gives the format instead, for the message; empty if there is no way
     * @return the format
     * @throws IllegalArgumentException if the name has none of those suffixes
     */
    public static ArticleFormat fromFileName(String fileName, String hint) {
        return of(DataFormat.ofFile(fileName, READ, hint));
    }

    /**
     * Tells the format from a file name, for a caller that has no other way to know it.
     *
     * @param fileName the file's name or path
     * @return the format
     * @throws IllegalArgumentException if the name has none of the readers' suffixes
     * @see #fromFileName(String, String)
     */
    public static ArticleFormat fromFileName(String fileName) {
        return fromFileName(fileName, "");
    }
}
