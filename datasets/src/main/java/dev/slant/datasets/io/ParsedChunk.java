package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.util.List;

/**
 * The records of one {@link RecordChunk}, parsed: per record in input order, the article or what is wrong with it.
 * Nothing is counted or rejected yet: {@link ArticleSource#merge} does that, in input order, so that the read's
 * report, its rejects, its strict-mode failure and its duplicate ids come out as one sequential read makes them.
 */
public final class ParsedChunk {
    final long sequence;
    /** Per record: a {@link LabelledArticle} or a {@link Rejection}. */
    final Object[] outcomes;
    final int size;
    final long endOffset;
    final long firstRecord;
    /** Per record: the line it starts on, counted from 0 at the chunk's first byte. */
    final long[] lines;
    /** The chunk's line breaks. */
    final long lineBreaks;
    /** Per record: its first byte in the chunk. */
    final int[] starts;
    /** The chunk parsed, whose bytes a record is read again from if its id turns out to be taken. */
    final RecordChunk source;

    ParsedChunk(long sequence, Object[] outcomes, int size, long endOffset, long firstRecord, long[] lines,
            long lineBreaks, int[] starts, RecordChunk source) {
        this.lineBreaks = lineBreaks;
        this.sequence = sequence;
        this.outcomes = outcomes;
        this.size = size;
        this.endOffset = endOffset;
        this.firstRecord = firstRecord;
        this.lines = lines;
        this.starts = starts;
        this.source = source;
    }

    /** @return bytes of input it was parsed from (what it weighs in memory, about) */
    public int length() {
        return source.length;
    }

    /** @return its place among the input's chunks, from 0 */
    public long sequence() {
        return sequence;
    }

    /** @return the records parsed, accepted or not */
    public int size() {
        return size;
    }

    /**
     * @param i a record, 0 to {@link #size()} - 1
     * @return its article, or null if it was rejected (or its id may yet be taken: see {@link ArticleSource#merge})
     */
    public LabelledArticle article(int i) {
        return outcomes[i] instanceof LabelledArticle a ? a : null;
    }

    /**
     * A record that is no article.
     *
     * @param problem  where and why, given the line on which the chunk starts (lines are only known in order)
     * @param reason   why
     * @param raw      its fields as read (empty when they could not be read)
     * @param cause    the parser's error, or null
     * @param endsRead whether the input cannot be read past it
     * @param object   whether it was read as one JSON object (its fields could be looked at); false for other formats
     * @param fields   for a JSON object lacking a mapped field: the fields it has (named in the failure if it is the
     *                 input's first object); else empty
     */
    record Rejection(java.util.function.LongFunction<RecordProblem> problem, RecordProblem.Reason reason,
            List<String> raw, Throwable cause, boolean endsRead, boolean object, List<String> fields) {
        Rejection(java.util.function.LongFunction<RecordProblem> problem, RecordProblem.Reason reason,
                List<String> raw, Throwable cause, boolean endsRead) {
            this(problem, reason, raw, cause, endsRead, false, List.of());
        }
    }
}
