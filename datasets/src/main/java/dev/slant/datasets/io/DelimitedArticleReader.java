package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads articles from CSV (RFC 4180: quoted fields may span lines, CRLF or LF), quoted TSV or unquoted TSV, with a
 * header row or with column names given. The rules for records, blank lines, quotes and the header are those of
 * {@link ArticleSource}; chunks are parsed on {@link ReadOptions#threads()} threads.
 */
public final class DelimitedArticleReader extends ChunkedArticleReader {
    private final List<String> columnNames;

    /**
     * Starts reading; with a header row, reads and checks it.
     *
     * @param input       the opened file; closed by {@link #close()}, and at once if this constructor throws
     * @param format      CSV, TSV or TSV_UNQUOTED
     * @param columnNames the column names of a file without a header row; empty when the first row is the header
     * @param mapping     which columns make the article
     * @param options     what to do with bad records
     * @throws IOException              if the input cannot be read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws IllegalArgumentException if the format is not delimited, or a mapped column is not among the given
     *                                  column names
     */
    public DelimitedArticleReader(TextInput input, ArticleFormat format, List<String> columnNames,
            ColumnMapping mapping, ReadOptions options) throws IOException {
        this(delimited(input, format, columnNames, mapping, options));
    }

    private DelimitedArticleReader(ArticleSource source) {
        super(source);
        this.columnNames = source.columnNames();
    }

    private static ArticleSource delimited(TextInput input, ArticleFormat format, List<String> columnNames,
            ColumnMapping mapping, ReadOptions options) throws IOException {
        if (!format.delimited()) {
            IoFailures.closeAfter(new IllegalArgumentException(), input);
            throw new IllegalArgumentException(format + " is not a delimited format");
        }
        return ArticleSource.open(input, format, columnNames, mapping, options);
    }

    /**
     * Opens a file and starts reading it.
     *
     * @param file        the file, gzip-compressed or not
     * @param format      CSV, TSV or TSV_UNQUOTED
     * @param columnNames the column names of a file without a header row; empty when the first row is the header
     * @param mapping     which columns make the article
     * @param options     what to do with bad records
     * @return the reader; the caller closes it
     * @throws IOException              if the file cannot be opened or read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws IllegalArgumentException if the format is not delimited, or a mapped column is not among the given
     *                                  column names
     */
    public static DelimitedArticleReader open(Path file, ArticleFormat format, List<String> columnNames,
            ColumnMapping mapping, ReadOptions options) throws IOException {
        return new DelimitedArticleReader(TextInput.open(file), format, columnNames, mapping, options);
    }

    /** @return the column names, from the header row or as given */
    public List<String> columnNames() {
        return columnNames;
    }
}
