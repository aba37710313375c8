package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes articles as RFC 4180 CSV (CRLF records, fields quoted where needed, a header row of
 * {@link ArticleLayout#columns()}), gzip-compressed when the target's name ends in {@code .gz}.
 */
public final class CsvArticleWriter extends AtomicTextFile implements ArticleWriter {
    private final ArticleLayout layout;
    private final CSVPrinter printer;

    private CsvArticleWriter(AtomicOutput out, ArticleLayout layout) throws IOException {
        super(out);
        this.layout = layout;
        this.printer = new CSVPrinter(out.writer(), CSVFormat.RFC4180);
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
