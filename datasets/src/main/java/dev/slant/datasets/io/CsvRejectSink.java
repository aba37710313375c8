package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * A rejects file: one RFC 4180 CSV row per rejected record, with the columns {@link #COLUMNS}: the file, the
 * record number (0 for the header), the line it starts on, the column at fault (empty if none), the reason's
 * stable name ({@code EMPTY_TEXT}, ...), the detail, and the raw record. The raw record is the record's only
 * field as is when it has one (a JSONL line), else its fields formatted as one RFC 4180 CSV record; it is empty
 * when the parser could not read the record (an unterminated quote). Written through an {@link AtomicOutput}:
 * the file appears on {@link #commit()}, gzip-compressed if named {@code .gz}; the reader does not close it.
 * Cells a spreadsheet would run as formulas get a leading single quote ({@link SafeCsvPrinter}).
 */
public final class CsvRejectSink extends AtomicTextFile implements RejectSink {
    /** The columns of a rejects file. */
    public static final List<String> COLUMNS = List.of("file", "record", "line", "column", "reason", "detail", "raw");

    private final SafeCsvPrinter printer;

    private CsvRejectSink(AtomicOutput out) throws IOException {
        super(out);
        this.printer = new SafeCsvPrinter(out.writer());
        printer.printRecord(COLUMNS);
    }

    /**
     * Starts a rejects file.
     *
     * @param target the file to write
     * @return the sink; the caller commits and closes it
     * @throws IOException if the file cannot be started
     */
    public static CsvRejectSink open(Path target) throws IOException {
        return open(target, CsvRejectSink::new);
    }

    @Override
    public void reject(RecordProblem problem, List<String> rawFields) throws IOException {
        printer.printRecord(problem.file(), problem.recordNumber(), problem.line(), problem.column(),
                problem.reason().name(), problem.detail(), raw(rawFields));
        counted();
    }

    /**
     * The raw-record column's text.
     *
     * @param rawFields a record's fields as read
     * @return the only field, or the fields as one CSV record
     */
    static String raw(List<String> rawFields) {
        if (rawFields.size() == 1) {
            return rawFields.get(0);
        }
        return CSVFormat.RFC4180.format(rawFields.toArray());
    }

    @Override
    void flushFormat() throws IOException {
        printer.flush();
    }
}
