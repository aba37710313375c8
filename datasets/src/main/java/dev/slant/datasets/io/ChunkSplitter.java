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
    private final java.util.function.Supplier<RecordScanner> scanners;
    private RecordScanner scanner;
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
     * @param scanners       makes the format's scanner, at the start of a record
     * @param chunkBytes     bytes per chunk, about
     * @param maxRecordBytes the longest record held
     * @param offset         bytes of the input before {@code in}'s first (a byte order mark)
     */
    ChunkSplitter(InputStream in, java.util.function.Supplier<RecordScanner> scanners, int chunkBytes,
            int maxRecordBytes, long offset) {
        this.in = in;
        this.scanners = scanners;
        this.scanner = scanners.get();
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
            int end = -1;
            if (first.firstEnd >= 0) {
                end = first.firstEnd;
            } else if (first.errorAt >= 0) {
                // Enough for the lexer to meet the error and read the character there.
                end = first.errorAt > maxRecordBytes ? first.errorAt : Math.min(filled, first.errorAt + 4);
            } else if (first.ended) {
                end = filled;
            }
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
     * over the bytes, which are dropped once scanned, until the record ends; a new scanner then starts at the next
     * record (the old one may have scanned past it).
     */
    private RecordChunk oversized() throws IOException {
        long firstRecord = nextRecord;
        int field = scanner.fieldIndex();
        long bytes = 0;
        long lines = 0;
        boolean pendingCr = false;
        while (true) {
            if (scanner.firstEnd >= 0) {
                int end = scanner.firstEnd;
                lines += ByteScan.lineBreaks(buf, 0, end);
                bytes += end;
                boolean counts = !scanner.firstBlank;
                RecordChunk chunk = new RecordChunk(sequence++, null, 0, firstRecord, counts ? 1 : 0, offset + end,
                        new RecordChunk.Oversized(bytes, lines, field, RecordChunk.Oversized.End.COMPLETE, 0, ""),
                        false);
                nextRecord += counts ? 1 : 0;
                drop(end);
                scanner = scanners.get();
                return chunk;
            }
            if (scanner.errorAt >= 0) {
                int end = scanner.errorAt;
                lines += ByteScan.lineBreaks(buf, 0, end);
                done = true;
                String what = Utf8.decode(buf, end, Math.min(4, filled - end));
                return new RecordChunk(sequence++, null, 0, firstRecord, 1, offset + end,
                        new RecordChunk.Oversized(bytes + end, lines, scanner.fieldIndex(),
                                RecordChunk.Oversized.End.BROKEN, lines,
                                what.isEmpty() ? "" : what.substring(0, what.offsetByCodePoints(0, 1))), true);
            }
            if (scanner.ended) {
                // The input ended inside the record, with no line break after it.
                lines += ByteScan.lineBreaks(buf, 0, filled);
                bytes += filled;
                done = true;
                boolean open = scanner.inQuotes();
                RecordChunk chunk = new RecordChunk(sequence++, null, 0, firstRecord, scanner.records > 0 ? 1 : 0,
                        offset + filled, new RecordChunk.Oversized(bytes, lines, open ? scanner.fieldIndex() : field,
                                open ? RecordChunk.Oversized.End.UNTERMINATED : RecordChunk.Oversized.End.COMPLETE, 0,
                                ""), false);
                nextRecord += chunk.records;
                drop(filled);
                return chunk;
            }
            // Count the line breaks of what was scanned; a CR at its end may be the first half of a CR LF.
            int end = scanner.pos;
            int counted = end;
            if (end > 0 && buf[end - 1] == ByteScan.CR) {
                counted = end - 1;
                pendingCr = true;
            }
            lines += ByteScan.lineBreaks(buf, 0, counted);
            bytes += end;
            drop(end);
            fill();
            if (pendingCr) {
                if (filled == 0 || buf[0] != ByteScan.LF) {
                    lines++;
                }
                pendingCr = false;
            }
            scanner.scan(buf, filled, eof);
        }
    }
}
