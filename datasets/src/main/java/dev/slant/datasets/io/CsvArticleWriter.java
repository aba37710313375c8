package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes articles as RFC 4180 CSV (CRLF records, fields quoted where needed, a header row of
 * {@link ArticleLayout#columns()}), gzip-compressed when the target's name ends in {@code .gz}. Cells a
 * spreadsheet would run as formulas get a leading single quote ({@link SafeCsvPrinter}).
 */
public final class CsvArticleWriter extends AtomicTextFile implements ArticleWriter {
    private final ArticleLayout layout;
    private final SafeCsvPrinter printer;

    private CsvArticleWriter(AtomicOutput out, ArticleLayout layout) throws IOException {
        super(out);
        this.layout = layout;
        this.printer = new SafeCsvPrinter(out.writer());
        printer.printRecord(layout.columns());
    }

    /**
     * Starts writing a file.
     *
     * @param target the file to write
     * @param layout the columns
     * @return the writer; the caller commits and closes it
     * @throws IOException if the file cannot be started
     */
    public static CsvArticleWriter open(Path target, ArticleLayout layout) throws IOException {
        return open(target, out -> new CsvArticleWriter(out, layout));
    }

    @Override
    public void write(LabelledArticle article) throws IOException {
        printer.printRecord(layout.values(article));
        counted();
    }

    @Override
    void flushFormat() throws IOException {
        printer.flush();
    }
}
