package dev.slant.datasets.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches in byte arrays eight bytes at a time (SWAR: a {@code long} read through a byte-array view, plain Java 17,
 * no incubator module). The readers spend most of their time looking for the next quote or line break inside long
 * article bodies; a byte-at-a-time loop does that at a third of this speed.
 */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES = 0x0101010101010101L;
    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte QUOTE = '"';
    private static final long CRS = pattern(CR);
    private static final long LFS = pattern(LF);

    private ByteScan() {
    }

    /** @return the byte repeated in all eight bytes of a long */
    static long pattern(byte b) {
        return (b & 0xffL) * ONES;
    }

    /** @return a mask with the high bit of byte j set exactly where byte j of {@code x} is zero */
    private static long zeros(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    private static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /**
     * @return the index of the first byte equal to {@code v} in {@code [from, to)}, or {@code to}
     */
    static int indexOf(byte[] b, int from, int to, byte v) {
        long p = pattern(v);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long m = zeros(word(b, i) ^ p);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return to;
    }

    /**
     * @return the index of the first byte equal to {@code u} or {@code v} in {@code [from, to)}, or {@code to}
     */
    static int indexOfAny(byte[] b, int from, int to, byte u, byte v) {
        long pu = pattern(u);
        long pv = pattern(v);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = word(b, i);
            long m = zeros(w ^ pu) | zeros(w ^ pv);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == u || b[i] == v) {
                return i;
            }
        }
        return to;
    }

    /**
     * @return the index of the first byte equal to {@code u}, {@code v} or {@code w} in {@code [from, to)}, or
     *         {@code to}
     */
    static int indexOfAny(byte[] b, int from, int to, byte u, byte v, byte w) {
        long pu = pattern(u);
        long pv = pattern(v);
        long pw = pattern(w);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = word(b, i);
            long m = zeros(x ^ pu) | zeros(x ^ pv) | zeros(x ^ pw);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte x = b[i];
            if (x == u || x == v || x == w) {
                return i;
            }
        }
        return to;
    }

    /**
     * Counts line breaks as the readers number lines: an LF, a CR followed by an LF, and a CR alone each end one line.
     * A CR at {@code to - 1} counts as a line break whatever follows it, so a range must not end between the CR and
     * the LF of one line break.
     *
     * @return the line breaks in {@code [from, to)}
     */
    static long lineBreaks(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = word(b, i);
            long lf = zeros(x ^ LFS);
            long cr = zeros(x ^ CRS);
            if ((lf | cr) == 0) {
                continue;
            }
            // A CR followed by an LF is one break: count LFs, and CRs whose next byte is not an LF. The next byte
            // of byte j is byte j+1 of this word, or the first byte after it for the last one.
            long lfNext = lf >>> 8;
            if (i + 8 < to && b[i + 8] == LF) {
                lfNext |= 0x8000000000000000L;
            }
            n += Long.bitCount(lf) + Long.bitCount(cr & ~lfNext);
        }
        for (; i < to; i++) {
            byte x = b[i];
            if (x == LF || (x == CR && (i + 1 >= to || b[i + 1] != LF))) {
                n++;
            }
        }
        return n;
    }
}
