package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * A streaming, single-pass reader of labelled articles: it holds one record at a time, whatever the file size.
 * Bad records either stop the read ({@link ReadMode#STRICT}, {@link BadRecordException}) or are skipped and
 * counted ({@link ReadMode#LENIENT}); {@link #report()} tells how many were read and rejected, and why.
 *
 * <p>{@link #hasNext()} and {@link #next()} throw {@link UncheckedIOException} on I/O failure and
 * {@link BadRecordException} on a bad record in strict mode.
 */
public interface ArticleReader extends Iterator<LabelledArticle>, Closeable {

    /** @return counts so far (complete once {@link #hasNext()} has returned false) */
    ReadReport report();

    /**
     * Reads every remaining article.
     *
     * @param sink receives each accepted article in input order
     * @return the report of the whole read
     * @throws UncheckedIOException on I/O failure
     * @throws BadRecordException   on a bad record in strict mode
     */
    default ReadReport forEachRemainingArticle(Consumer<? super LabelledArticle> sink) {
        while (hasNext()) {
            sink.accept(next());
        }
        return report();
    }
}
