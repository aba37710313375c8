package dev.slant.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts an input into {@link RecordChunk}s at record ends, on one thread, in order. It reads about
 * {@code chunkBytes} at a time, runs the {@link RecordScanner} over the new bytes, and hands on everything up to the
 * last record end; the unfinished record after it starts the next chunk. A record longer than the buffer makes the
 * buffer grow, up to the longest record allowed; past that the record is read through without being held and comes
 * as an {@link RecordChunk.Oversized} chunk. So at most one chunk's buffer, of at most
 * {@code max(chunkBytes, maxRecordBytes + 1)} bytes, is held here.
 *
 * <p>Every chunk carries the number of its first record: the splitter counts the records (its scanner makes the
 * lexer's decisions). Chunk buffers come from a small pool that {@link #recycle} refills once a chunk is merged.
 */
final class ChunkSplitter {
    private final InputStream in;
    private final RecordScanner scanner;
    private final int chunkBytes;
    private final int maxRecordBytes;
    private byte[] buf;
    private int filled;
    private boolean eof;
    private boolean done;
    private long offset;
    private long sequence;
    private long nextRecord = 1;
    private final java.util.concurrent.ArrayBlockingQueue<byte[]> pool = new java.util.concurrent.ArrayBlockingQueue<>(8);

    /**
     * @param in             the content (decompressed, byte order mark skipped)
     * @param scanner        the format's scanner, at the start of a record
     * @param chunkBytes     bytes per chunk, about
     * @param maxRecordBytes the longest record held
     * @param offset         bytes of the input before {@code in}'s first (a byte order mark)
     */
    ChunkSplitter(InputStream in, RecordScanner scanner, int chunkBytes, int maxRecordBytes, long offset) {
        this.in = in;
        this.scanner = scanner;
        this.chunkBytes = chunkBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.offset = offset;
        this.buf = new byte[chunkBytes];
    }

    /** @return the number the next record gets */
    long nextRecord() {
        return nextRecord;
    }

    /**
     * Takes back a chunk's buffer once nobody reads it any more.
     *
     * @param chunk a chunk {@link #next()} returned, merged
     */
    void recycle(RecordChunk chunk) {
        if (chunk.bytes != null && chunk.bytes.length == chunkBytes) {
            pool.offer(chunk.bytes);
        }
    }

    private byte[] buffer(int size) {
        if (size <= chunkBytes) {
            byte[] b = pool.poll();
            if (b != null) {
                return b;
            }
        }
        return new byte[Math.max(size, chunkBytes)];
    }

    /**
     * Takes the first record, blank or not, for a header row. Call it first, if at all.
     *
     * @param first a new scanner of the format
     * @return its bytes, line break included; empty at the end of the input; null if it is longer than the longest
     *         record held
     * @throws IOException on I/O failure
     */
    byte[] header(RecordScanner first) throws IOException {
        while (true) {
            fill();
            first.scan(buf, filled, eof);
            int end = first.firstEnd >= 0 ? first.firstEnd : first.errorAt >= 0 || first.ended ? filled : -1;
            if (end >= 0 && end <= maxRecordBytes) {
                byte[] header = Arrays.copyOf(buf, end);
                System.arraycopy(buf, end, buf, 0, filled - end);
                filled -= end;
                offset += end;
                return header;
            }
            if (end >= 0 || filled > maxRecordBytes) {
                return null;
            }
            grow();
        }
    }

    /**
     * @return the next chunk in input order, or null after the last
     * @throws IOException on I/O failure of the input
     */
    RecordChunk next() throws IOException {
        if (done) {
            return null;
        }
        while (true) {
            fill();
            scanner.scan(buf, filled, eof);
            if (scanner.errorAt >= 0) {
                done = true;
                return emit(filled, scanner.records + 1, true);
            }
            if (scanner.ended) {
                done = true;
                return filled == 0 ? null : emit(filled, scanner.records, false);
            }
            if (scanner.boundary > 0) {
                return emit(scanner.boundary, scanner.records, false);
            }
            if (filled > maxRecordBytes) {
                return oversized();
            }
            grow();
        }
    }

    /** Reads until the buffer is full or the input ends. */
    private void fill() throws IOException {
        while (!eof && filled < buf.length) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
    }

    private void grow() {
        long size = Math.min(2L * buf.length, (long) maxRecordBytes + 1);
        buf = Arrays.copyOf(buf, (int) Math.max(size, buf.length + 1L));
    }

    /** Hands on {@code buf[0, end)} and keeps the rest for the next chunk. */
    private RecordChunk emit(int end, int records, boolean broken) {
        RecordChunk chunk = new RecordChunk(sequence++, buf, end, nextRecord, records, offset + end, null, broken);
        nextRecord += records;
        byte[] next = buffer(filled - end);
        System.arraycopy(buf, end, next, 0, filled - end);
        buf = next;
        offset += end;
        filled -= end;
        scanner.shift(end);
        return chunk;
    }

    /** Drops {@code buf[0, n)} (read as part of a record or header), keeping the buffer. */
    private void drop(int n) {
        System.arraycopy(buf, n, buf, 0, filled - n);
        filled -= n;
        offset += n;
        scanner.shift(n);
    }

    /**
     * Reads through a record longer than the limit: everything in the buffer belongs to it. The scanner runs on
     * over the bytes, which are dropped once scanned, until the record ends.
     */
    private RecordChunk oversized() throws IOException {
        long firstRecord = nextRecord;
        int field = scanner.fieldIndex();
        long bytes = 0;
        long lines = 0;
        boolean pendingCr = false;
        while (true) {
            int end;
            if (scanner.errorAt >= 0) {
                end = scanner.errorAt;
            } else if (scanner.boundary > 0 || scanner.ended) {
                end = scanner.boundary;
            } else {
                end = scanner.pos;
            }
            // Count the line breaks of buf[0, end); a CR at its end may be the first half of a CR LF.
            int counted = end;
            if (end > 0 && buf[end - 1] == ByteScan.CR && scanner.boundary == 0 && !scanner.ended) {
                counted = end - 1;
                pendingCr = true;
            }
            lines += ByteScan.lineBreaks(buf, 0, counted);
            if (scanner.errorAt >= 0) {
                done = true;
                String what = Utf8.decode(buf, end, Math.min(4, filled - end));
                RecordChunk chunk = new RecordChunk(sequence++, null, 0, firstRecord, 1, offset + end,
                        new RecordChunk.Oversized(bytes + end, lines, scanner.fieldIndex(),
                                RecordChunk.Oversized.End.BROKEN, lines,
                                what.isEmpty() ? "" : what.substring(0, what.offsetByCodePoints(0, 1))), true);
                return chunk;
            }
            bytes += end;
            if (scanner.boundary > 0 || scanner.ended) {
                boolean counts = scanner.records > 0;
                RecordChunk.Oversized.End how = scanner.ended && scanner.inQuotes()
                        ? RecordChunk.Oversized.End.UNTERMINATED : RecordChunk.Oversized.End.COMPLETE;
                if (how == RecordChunk.Oversized.End.UNTERMINATED) {
                    field = scanner.fieldIndex();
                }
                RecordChunk chunk = new RecordChunk(sequence++, null, 0, firstRecord, counts ? 1 : 0, offset + end,
                        new RecordChunk.Oversized(bytes, lines, field, how, 0, ""), false);
                nextRecord += counts ? 1 : 0;
                done = scanner.ended;
                drop(end);
                return chunk;
            }
            drop(end);
            fill();
            if (pendingCr && (filled == 0 || buf[0] != ByteScan.LF)) {
                lines++;
            }
            pendingCr = false;
            scanner.scan(buf, filled, eof);
        }
    }
}
