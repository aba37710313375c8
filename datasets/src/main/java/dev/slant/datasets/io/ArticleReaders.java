package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens the right {@link ArticleReader} for a file, from its name or an explicit {@link ArticleFormat}. */
public final class ArticleReaders {
    private ArticleReaders() {
    }

    /**
     * Opens a file whose format its name tells ({@link ArticleFormat#fromFileName}); a delimited file's first row
     * is its header.
     *
     * @param file    the file; gzip is detected from its content
     * @param mapping which columns make the article
     * @param options what to do with bad records
     * @return the reader; the caller closes it
     * @throws IOException              if the file cannot be read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws IllegalArgumentException if the name tells no format
     */
    public static ArticleReader open(Path file, ColumnMapping mapping, ReadOptions options) throws IOException {
        return open(file, ArticleFormat.fromFileName(file.getFileName().toString()), List.of(), mapping, options);
    }

    /**
     * Opens a file in a given format.
     *
     * @param file        the file; gzip is detected from its content
     * @param format      its format
     * @param columnNames the column names of a delimited file without a header row; empty when the first row is
     *                    the header, and always for JSONL
     * @param mapping     which columns make the article
     * @param options     what to do with bad records
     * @return the reader; the caller closes it
     * @throws IOException              if the file cannot be read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws IllegalArgumentException if column names are given for JSONL, or a mapped column is not among them
     */
    public static ArticleReader open(Path file, ArticleFormat format, List<String> columnNames,
            ColumnMapping mapping, ReadOptions options) throws IOException {
        return open(TextInput.open(file), format, columnNames, mapping, options);
    }

    /**
     * Starts reading an opened input (a file under a name of the caller's choice, standard input).
     *
     * @param input       the input; closed by the reader's {@code close()}, and at once if this method throws
     * @param format      its format
     * @param columnNames the column names of a delimited file without a header row; empty when the first row is
     *                    the header, and always for JSONL
     * @param mapping     which columns make the article
     * @param options     what to do with bad records
     * @return the reader; the caller closes it
     * @throws IOException              if the input cannot be read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws IllegalArgumentException if column names are given for JSONL, or a mapped column is not among them
     */
    public static ArticleReader open(TextInput input, ArticleFormat format, List<String> columnNames,
            ColumnMapping mapping, ReadOptions options) throws IOException {
        if (format.delimited()) {
            return new DelimitedArticleReader(input, format, columnNames, mapping, options);
        }
        return ChunkedArticleReader.of(ArticleSource.open(input, format, columnNames, mapping, options));
    }

    /**
     * Starts reading an opened input with a mapping chosen from its column names (a delimited input's header row;
     * none for JSONL), for a caller that recognizes layouts.
     *
     * @param input       the input; closed by the reader's {@code close()}, and at once if this method throws
     * @param format      its format
     * @param columnNames the column names of a delimited file without a header row; empty when the first row is
     *                    the header, and always for JSONL
     * @param mappingFor  the mapping, given the column names
     * @param options     what to do with bad records
     * @return the reader; the caller closes it
     * @throws IOException              if the input cannot be read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws IllegalArgumentException if column names are given for JSONL, or a mapped column is not among them
     */
    public static ArticleReader open(TextInput input, ArticleFormat format, List<String> columnNames,
            java.util.function.Function<List<String>, ColumnMapping> mappingFor, ReadOptions options)
            throws IOException {
        return ChunkedArticleReader.of(ArticleSource.open(input, format, columnNames, mappingFor, options));
    }
}
