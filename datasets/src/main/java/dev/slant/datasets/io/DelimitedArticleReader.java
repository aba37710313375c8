package dev.slant.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads articles from CSV (RFC 4180: quoted fields may span lines, CRLF or LF), quoted TSV or unquoted TSV,
 * with a header row or with column names given, one record at a time (Apache Commons CSV underneath).
 *
 * <p>Records are numbered from 1 after the header; blank lines are not records and are skipped. Beyond the rules
 * of the {@link ColumnMapping}, a record with fewer fields than the header is {@code MISSING_COLUMN}
 * (naming the first missing column) and one with more is {@code MALFORMED}. A quote left open until the end
 * of the file is {@code UNTERMINATED_QUOTE} and a character after a closing quote is {@code MALFORMED}: the
 * parser cannot go on after either, so even in lenient mode that record ends the read with a
 * {@link BadRecordException} (after it is counted and handed to the reject sink): skipping it would lose the
 * records after it uncounted.
 *
 * <p>A mapped column missing from the header, a mapped column named twice in it, or a file with no header
 * row fail at once, in both modes, with a {@link BadRecordException} for record 0 (the header).
 */
public final class DelimitedArticleReader extends StreamingArticleReader {
    private static final String UNTERMINATED = "EOF reached before encapsulated token finished";

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columnNames;
    private final Map<String, Integer> indexByColumn = new HashMap<>();
    private long recordNumber;

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
        super(input, mapping, options);
        try {
            if (!format.delimited()) {
                throw new IllegalArgumentException(format + " is not a delimited format");
            }
            this.parser = CSVParser.builder().setReader(input.reader()).setFormat(format.csvFormat()).get();
            this.records = parser.iterator();
            this.columnNames = columnNames.isEmpty() ? readHeader() : List.copyOf(columnNames);
            indexColumns(mapping, !columnNames.isEmpty());
        } catch (IOException | RuntimeException e) {
            IoFailures.closeAfter(e, input);
            throw e;
        }
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

    private List<String> readHeader() {
        CSVRecord header = nextParsed();
        if (header == null) {
            throw headerProblem("", RecordProblem.Reason.MALFORMED, "the file is empty: no header row");
        }
        return header.toList();
    }

    private void indexColumns(ColumnMapping mapping, boolean namesGiven) {
        for (int i = columnNames.size() - 1; i >= 0; i--) {
            indexByColumn.put(columnNames.get(i), i);
        }
        for (String column : mapping.columns()) {
            Integer index = indexByColumn.get(column);
            if (index == null) {
                String listed = columnNames.stream().map(n -> "'" + TextInput.displayable(n) + "'")
                        .collect(Collectors.joining(", "));
                if (namesGiven) {
                    throw new IllegalArgumentException("column '" + column + "' is not among the column names given ("
                            + listed + ")");
                }
                throw headerProblem(column, RecordProblem.Reason.MISSING_COLUMN,
                        "no such column in the header (" + listed + ")");
            }
            int last = columnNames.lastIndexOf(column);
            if (last != index) {
                String detail = "the column is named twice (columns " + (index + 1) + " and " + (last + 1) + ")";
                if (namesGiven) {
                    throw new IllegalArgumentException("column '" + column + "': " + detail);
                }
                throw headerProblem(column, RecordProblem.Reason.MALFORMED, detail);
            }
        }
    }

    private BadRecordException headerProblem(String column, RecordProblem.Reason reason, String detail) {
        return new BadRecordException(new RecordProblem(fileName(), 0, 1, column, reason, detail), null);
    }

    /** @return the next parsed row, or null at the end; parse errors propagate as {@link UncheckedIOException} */
    private CSVRecord nextParsed() {
        return records.hasNext() ? records.next() : null;
    }

    @Override
    boolean readRecord() throws IOException {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                record = nextParsed();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e.getCause();
                }
                throw parseFailure((CSVException) e.getCause(), line);
            }
            if (record == null) {
                return false;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            recordNumber++;
            List<String> raw = record.toList();
            int expected = columnNames.size();
            if (record.size() < expected) {
                rejected(new RecordProblem(fileName(), recordNumber, line, columnNames.get(record.size()),
                        RecordProblem.Reason.MISSING_COLUMN, "the record has " + record.size() + " of " + expected
                        + " fields"), raw, null);
            } else if (record.size() > expected) {
                rejected(new RecordProblem(fileName(), recordNumber, line, "", RecordProblem.Reason.MALFORMED,
                        "the record has " + record.size() + " fields, the header " + expected), raw, null);
            } else {
                assemble(column -> record.get(indexByColumn.get(column)), recordNumber, line, raw);
            }
            return true;
        }
    }

    private BadRecordException parseFailure(CSVException e, long line) {
        recordNumber++;
        RecordProblem problem;
        if (e.getMessage() != null && e.getMessage().contains(UNTERMINATED)) {
            problem = new RecordProblem(fileName(), recordNumber, line, "", RecordProblem.Reason.UNTERMINATED_QUOTE,
                    "a quoted field is still open at the end of the file; nothing from line " + line
                            + " on can be read");
        } else {
            problem = new RecordProblem(fileName(), recordNumber, line, "", RecordProblem.Reason.MALFORMED,
                    e.getMessage() + "; the rest of the file cannot be read");
        }
        return rejectedAndEnd(problem, List.of(), e);
    }

    /**
     * Closes the file.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            super.close();
        }
    }
}
