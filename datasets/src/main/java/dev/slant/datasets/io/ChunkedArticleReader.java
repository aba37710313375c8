package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An {@link ArticleReader} over an {@link ArticleSource}: {@link ReadOptions#threads()} threads parse chunks ahead
 * (0: the caller's thread parses), and the caller's thread merges them in order, one chunk's articles at a time. At
 * most a few chunks are in flight ({@link #inFlight}), so memory stays bounded whatever the input's size.
 *
 * <p>Batch scoring takes the {@link #source()} instead, before the first article is read, to parse and score each
 * chunk on one thread.
 */
public class ChunkedArticleReader implements ArticleReader {
    /** Chunks in flight per parsing thread, at most. */
    static final int CHUNKS_PER_THREAD = 3;

    private final ArticleSource source;
    private final ArrayDeque<LabelledArticle> ready = new ArrayDeque<>();
    private OrderedPipeline<RecordChunk, ParsedChunk> pipeline;
    private RuntimeException pending;
    private boolean started;
    private boolean ended;

    /** @param source the records; closed by {@link #close()} */
    protected ChunkedArticleReader(ArticleSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Reads an opened input.
     *
     * @param source the records; closed by {@link #close()}
     * @return the reader
     */
    public static ChunkedArticleReader of(ArticleSource source) {
        return new ChunkedArticleReader(source);
    }

    /**
     * The records themselves, for a caller that parses and merges chunks itself; this reader then yields nothing.
     *
     * @return the source
     * @throws IllegalStateException if articles were read already
     */
    public ArticleSource source() {
        if (started) {
            throw new IllegalStateException("the reader of " + source.name() + " has started");
        }
        started = true;
        ended = true;
        return source;
    }

    /**
     * @param threads parsing threads
     * @return the chunks held at once by a read with that many, at most (queued, being parsed, being merged)
     */
    static int inFlight(int threads) {
        return CHUNKS_PER_THREAD * Math.max(threads, 1) + 1;
    }

    /**
     * A pipeline that parses a source's chunks on its threads.
     *
     * @param source  the source
     * @param threads threads, 0 for the caller's
     * @param name    names the threads
     * @param work    what each chunk becomes, on a parsing thread
     * @param <R>     the results
     * @return the pipeline; the caller closes it
     */
    public static <R> OrderedPipeline<RecordChunk, R> pipeline(ArticleSource source, int threads, String name,
            OrderedPipeline.Work<RecordChunk, R> work) {
        int chunks = inFlight(threads);
        long budget = Math.min(Integer.MAX_VALUE, (long) chunks * source.options().chunkBytes());
        return new OrderedPipeline<>(name, source::next, work, RecordChunk::length, threads, chunks, (int) budget);
    }

    @Override
    public final boolean hasNext() {
        while (ready.isEmpty() && !ended) {
            if (pending != null) {
                ended = true;
                throw pending;
            }
            if (pipeline == null) {
                started = true;
                pipeline = pipeline(source, source.options().threads(), "slant-read", source::parse);
            }
            try {
                ParsedChunk chunk = pipeline.next();
                if (chunk == null) {
                    ended = true;
                } else {
                    source.merge(chunk, (i, a) -> ready.add(a));
                }
            } catch (BadRecordException | BadInputException e) {
                // Thrown once the articles before it are taken, as a read of one record at a time would.
                pending = e;
            } catch (IOException e) {
                pending = new UncheckedIOException(e.getMessage().startsWith(source.name()) ? e.getMessage()
                        : source.name() + ": " + e.getMessage(), e);
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public final LabelledArticle next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more articles in " + source.name());
        }
        return ready.poll();
    }

    @Override
    public final ReadReport report() {
        return source.report();
    }

    /**
     * Stops the parsing threads and closes the input (not the reject sink, which belongs to the caller).
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        ended = true;
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            source.close();
        }
    }
}
