package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes articles to one file through an {@link AtomicOutput}: the file appears, complete, only on
 * {@link #commit()}; closing without a commit leaves no file and the target untouched. Columns follow an
 * {@link ArticleLayout}.
 */
public interface ArticleWriter extends Closeable {

    /**
     * Writes one article.
     *
     * @param article the article
     * @throws IOException              if writing fails
     * @throws IllegalArgumentException if a label contains {@link ArticleLayout#LABEL_SEPARATOR}
     */
    void write(LabelledArticle article) throws IOException;

    /** @return the number of articles written so far */
    long written();

    /**
     * Completes the file and puts it in place.
     *
     * @throws IOException if it cannot be completed (no file is left then)
     */
    void commit() throws IOException;

    /**
     * Ends the writer; without a commit, discards what was written.
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    void close() throws IOException;
}
