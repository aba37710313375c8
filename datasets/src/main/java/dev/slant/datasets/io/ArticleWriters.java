package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the right {@link ArticleWriter} for a target from its name. */
public final class ArticleWriters {
    private ArticleWriters() {
    }

    /**
     * Starts writing a file: {@code .csv} as CSV, {@code .jsonl} or {@code .ndjson} as JSON Lines, either
     * gzip-compressed when followed by {@code .gz}.
     *
     * @param target the file to write
     * @param layout the columns
     * @return the writer; the caller commits and closes it
     * @throws IOException              if the file cannot be started
     * @throws IllegalArgumentException if the name tells no format, or a format with no writer (TSV)
     */
    public static ArticleWriter open(Path target, ArticleLayout layout) throws IOException {
        ArticleFormat format = ArticleFormat.fromFileName(target.getFileName().toString());
        switch (format) {
            case CSV:
                return CsvArticleWriter.open(target, layout);
            case JSONL:
                return JsonlArticleWriter.open(target, layout);
            default:
                throw new IllegalArgumentException("cannot write " + format.label() + " (" + target
                        + "): articles are written as .csv or .jsonl, optionally .gz");
        }
    }
}
