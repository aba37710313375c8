package dev.slant.datasets.io;

import java.io.Flushable;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV printer of every CSV file Slant writes (articles, rejects, predictions): RFC 4180 (CRLF records,
 * fields quoted where needed), and safe to open in a spreadsheet. A cell whose text starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is run as a formula by Excel, LibreOffice and Google
 * Sheets ({@code =HYPERLINK(...)} in an article's id, say); as OWASP recommends, such a cell is written with a
 * single quote before it, which spreadsheets take as "text" and do not show. A plain number ({@code -1.5},
 * {@code +3}, {@code -2e-5}) is not a formula and is written as is. A program reading the CSV back sees the quote:
 * for an exact copy of the text, write JSONL, which is never changed. Not thread-safe.
 */
public final class SafeCsvPrinter implements Flushable {
    /** A cell made of one number, which spreadsheets read as that number. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final CSVPrinter printer;

    /**
     * @param out where the CSV goes (not closed by this printer)
     * @throws IOException if the output cannot be written
     */
    public SafeCsvPrinter(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
    }

    /**
     * @param cell a cell's text
     * @return the text, with a single quote before it if a spreadsheet would run it as a formula
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r':
                return NUMBER.matcher(cell).matches() ? cell : "'" + cell;
            default:
                return cell;
        }
    }

    /**
     * Prints one record; each value is written as its text ({@code null} as empty), neutralised.
     *
     * @param values the cells
     * @throws IOException if the output cannot be written
     */
    public void printRecord(Iterable<?> values) throws IOException {
        for (Object v : values) {
            printer.print(v == null ? "" : neutralise(v.toString()));
        }
        printer.println();
    }

    /**
     * Prints one record.
     *
     * @param values the cells
     * @throws IOException if the output cannot be written
     * @see #printRecord(Iterable)
     */
    public void printRecord(Object... values) throws IOException {
        printRecord(java.util.Arrays.asList(values));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }
}
