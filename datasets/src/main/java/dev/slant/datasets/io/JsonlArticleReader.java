package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads articles from JSON Lines: one JSON object per line, the mapping's "columns" being top-level field names.
 * The rules for records, field values and blank lines are those of {@link ArticleSource}; chunks are parsed on
 * {@link ReadOptions#threads()} threads.
 */
public final class JsonlArticleReader extends ChunkedArticleReader {

    /**
     * @param input   the opened file; closed by {@link #close()}, and at once if this constructor throws
     * @param mapping which fields make the article
     * @param options what to do with bad records
     * @throws IOException if the input cannot be read
     */
    public JsonlArticleReader(TextInput input, ColumnMapping mapping, ReadOptions options) throws IOException {
        super(ArticleSource.open(input, ArticleFormat.JSONL, List.of(), mapping, options));
    }

    /**
     * Opens a file and starts reading it.
     *
     * @param file    the file, gzip-compressed or not
     * @param mapping which fields make the article
     * @param options what to do with bad records
     * @return the reader; the caller closes it
     * @throws IOException if the file cannot be opened
     */
    public static JsonlArticleReader open(Path file, ColumnMapping mapping, ReadOptions options) throws IOException {
        return new JsonlArticleReader(TextInput.open(file), mapping, options);
    }
}
