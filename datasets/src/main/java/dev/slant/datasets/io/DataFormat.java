package dev.slant.datasets.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one rule that picks a file format from a name, for every reader and writer of Slant (the readers'
 * {@link ArticleFormat}, the predictions' format, the Spark job's formats): what a format is called on a command
 * line, and which file names say it. Each user accepts some of the formats and says so in its messages.
 *
 * <p>Names, any case: {@code csv}; {@code tsv}; {@code tsv-unquoted}; {@code jsonl}, also {@code ndjson} and
 * {@code json} (one JSON object a line, as Spark reads {@code json}); {@code parquet}. File names, any case, after
 * a {@code .gz} is taken off: {@code .csv}, {@code .tsv}, {@code .jsonl} or {@code .ndjson}, {@code .parquet}. No
 * file name says {@code tsv-unquoted}, nor {@code .json} (often one JSON document, not one object a line).
 */
public enum DataFormat {
    /** RFC 4180 CSV. */
    CSV("csv", List.of(), List.of(".csv")),
    /** Tab-separated, quoted as CSV. */
    TSV("tsv", List.of(), List.of(".tsv")),
    /** Tab-separated with no quoting. */
    TSV_UNQUOTED("tsv-unquoted", List.of(), List.of()),
    /** One JSON object per line. */
    JSONL("jsonl", List.of("ndjson", "json"), List.of(".jsonl", ".ndjson")),
    /** Apache Parquet. */
    PARQUET("parquet", List.of(), List.of(".parquet"));

    private final String label;
    private final List<String> aliases;
    private final List<String> extensions;

    DataFormat(String label, List<String> aliases, List<String> extensions) {
        this.label = label;
        this.aliases = aliases;
        this.extensions = extensions;
    }

    /** @return the name used on command lines */
    public String label() {
        return label;
    }

    /**
     * Parses a format's name.
     *
     * @param name     the name, any case
     * @param accepted the formats the caller reads or writes
     * @param what     what the name is, for the message ("--format", "output format")
     * @return the format
     * @throws IllegalArgumentException if the name is not one of the accepted formats, listing them
     */
    public static DataFormat named(String name, Collection<DataFormat> accepted, String what) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (DataFormat f : values()) {
            if (f.label.equals(n) || f.aliases.contains(n)) {
                if (accepted.contains(f)) {
                    return f;
                }
                throw new IllegalArgumentException(what + ": " + f.label + " is not read or written here (give "
                        + names(accepted) + ")");
            }
        }
        throw new IllegalArgumentException(what + ": unknown format '" + name + "' (give " + names(accepted) + ")");
    }

    /**
     * Tells the format from a file name.
     *
     * @param fileName the name or path
     * @param accepted the formats the caller reads or writes
     * @param hint     how the caller's user gives the format instead, appended to the message ("give --format
     *                 csv or jsonl"); empty for none
     * @return the format
     * @throws IllegalArgumentException if the name says none of the accepted formats
     */
    public static DataFormat ofFile(String fileName, Collection<DataFormat> accepted, String hint) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(AtomicOutput.GZIP_SUFFIX)) {
            n = n.substring(0, n.length() - AtomicOutput.GZIP_SUFFIX.length());
        }
        for (DataFormat f : values()) {
            for (String extension : f.extensions) {
                if (n.endsWith(extension)) {
                    if (accepted.contains(f)) {
                        return f;
                    }
                    throw new IllegalArgumentException("'" + fileName + "' is named as " + f.label
                            + ", which is not read or written here" + (hint.isEmpty() ? "" : "; " + hint));
                }
            }
        }
        throw new IllegalArgumentException("cannot tell the format of '" + fileName + "' from its name ("
                + extensions(accepted) + ", optionally .gz)" + (hint.isEmpty() ? "" : ": " + hint));
    }

    /** @return the accepted formats' names, as "csv, tsv or jsonl" */
    public static String names(Collection<DataFormat> accepted) {
        return or(accepted.stream().sorted().map(DataFormat::label).toList());
    }

    private static String extensions(Collection<DataFormat> accepted) {
        List<String> all = new ArrayList<>();
        accepted.stream().sorted().forEach(f -> all.addAll(f.extensions));
        return or(all);
    }

    private static String or(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + items.get(items.size() - 1);
    }
}
