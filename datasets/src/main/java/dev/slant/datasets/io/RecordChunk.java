package dev.slant.datasets.io;

/**
 * A run of whole records cut from an input by the {@link ChunkSplitter}, with its first record's number. Any thread
 * may parse it ({@link ArticleSource#parse}), numbering its records without looking at any other chunk, and its
 * lines from 0 at its first byte; the merge, in input order, adds the lines of the chunks before.
 *
 * <p>A record too long to hold ({@link ReadOptions#maxRecordBytes()}) comes as a chunk of its own without bytes
 * ({@link #oversized()}), which parses to that record's rejection.
 */
public final class RecordChunk {
    final long sequence;
    final byte[] bytes;
    final int length;
    final long firstRecord;
    final int records;
    final long endOffset;
    final Oversized oversized;
    /** Whether the splitter stopped at a byte the lexer cannot read past, inside this chunk's last record. */
    final boolean broken;

    RecordChunk(long sequence, byte[] bytes, int length, long firstRecord, int records, long endOffset,
            Oversized oversized, boolean broken) {
        this.sequence = sequence;
        this.bytes = bytes;
        this.length = length;
        this.firstRecord = firstRecord;
        this.records = records;
        this.endOffset = endOffset;
        this.oversized = oversized;
        this.broken = broken;
    }

    /** @return its place among the input's chunks, from 0 */
    public long sequence() {
        return sequence;
    }

    /** @return bytes of input it holds (what it weighs in memory) */
    public int length() {
        return length;
    }

    /** @return the records it holds (blank lines are none) */
    public int records() {
        return records;
    }

    /** @return the oversized record it stands for, or null for a chunk of bytes */
    Oversized oversized() {
        return oversized;
    }

    /**
     * A record longer than the limit, read past without being held.
     *
     * @param bytes     its length, as far as read
     * @param lines     the line breaks in it, its own included
     * @param field     the 0-based field it was in when the read stopped (where an unterminated quote opened)
     * @param end       how it ended
     * @param errorLine the line breaks before the character after a closing quote ({@link End#BROKEN})
     * @param errorChar that character's text ({@link End#BROKEN})
     */
    record Oversized(long bytes, long lines, int field, End end, long errorLine, String errorChar) {
        /** How an oversized record ended. */
        enum End {
            /** At a line break or the end of the input: the read goes on. */
            COMPLETE,
            /** At the end of the input inside a quoted field. */
            UNTERMINATED,
            /** At a character after a closing quote. */
            BROKEN
        }
    }
}
