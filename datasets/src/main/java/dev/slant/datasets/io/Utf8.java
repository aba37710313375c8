package dev.slant.datasets.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 the way {@link TextInput} defines it: each malformed byte sequence becomes
 * {@link TextInput#INVALID_UTF8_MARK}, one mark for each sequence the JDK's UTF-8 decoder reports as malformed.
 *
 * <p>Well-formed text is decoded here, faster than by {@code new String(bytes, UTF_8)} on news text (mostly ASCII
 * with a few curly quotes and dashes): ASCII runs are found eight bytes at a time and widened by a loop the JIT
 * vectorizes, into a scratch array of the thread's. A field holding any ill-formed sequence is decoded again, whole,
 * by the JDK's decoder with the mark as replacement, so a field's text is always the JDK's. Decoding a field alone
 * gives what decoding the whole stream gave: fields end at ASCII bytes (delimiters, quotes, line breaks), which are
 * never part of a multi-byte sequence nor swallowed by a malformed one.
 */
final class Utf8 {
    private static final ThreadLocal<CharsetDecoder> MARKING = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(TextInput.INVALID_UTF8_MARK)));

    private Utf8() {
    }

    /**
     * @param b   bytes
     * @param off the first
     * @param len how many
     * @return the text, each malformed sequence one {@link TextInput#INVALID_UTF8_MARK}
     */
    static String decode(byte[] b, int off, int len) {
        if (len == 0) {
            return "";
        }
        int end = off + len;
        int i = asciiRun(b, off, end);
        if (i == end) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1); // ASCII: a Latin-1 string, one copy
        }
        char[] out = len <= MAX_SCRATCH ? scratch(len) : new char[len];
        int o = widen(b, off, i, out, 0);
        while (i < end) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                int run = asciiRun(b, i, end);
                o = widen(b, i, run, out, o);
                i = run;
                continue;
            }
            // Well-formed sequences only (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF);
            // anything else, the field goes to the JDK's decoder, which marks it.
            if (b0 >= 0xc2 && b0 <= 0xdf) {
                if (i + 1 >= end || !continuation(b[i + 1])) {
                    return marked(b, off, len);
                }
                out[o++] = (char) (((b0 & 0x1f) << 6) | (b[i + 1] & 0x3f));
                i += 2;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                if (i + 2 >= end || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                    return marked(b, off, len);
                }
                int b1 = b[i + 1] & 0xff;
                if ((b0 == 0xe0 && b1 < 0xa0) || (b0 == 0xed && b1 >= 0xa0)) {
                    return marked(b, off, len); // overlong, or a surrogate
                }
                out[o++] = (char) (((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b[i + 2] & 0x3f));
                i += 3;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                if (i + 3 >= end || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return marked(b, off, len);
                }
                int b1 = b[i + 1] & 0xff;
                if ((b0 == 0xf0 && b1 < 0x90) || (b0 == 0xf4 && b1 >= 0x90)) {
                    return marked(b, off, len); // overlong, or above U+10FFFF
                }
                int cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
                out[o++] = Character.highSurrogate(cp);
                out[o++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return marked(b, off, len);
            }
        }
        return new String(out, 0, o);
    }

    /**
     * @return whether {@code b[from, to)} is well-formed UTF-8 (what {@link #decode} decodes without marks)
     */
    static boolean wellFormed(byte[] b, int from, int to) {
        int i = asciiRun(b, from, to);
        while (i < to) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                i = asciiRun(b, i, to);
            } else if (b0 >= 0xc2 && b0 <= 0xdf) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                if (i + 2 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                    return false;
                }
                int b1 = b[i + 1] & 0xff;
                if ((b0 == 0xe0 && b1 < 0xa0) || (b0 == 0xed && b1 >= 0xa0)) {
                    return false;
                }
                i += 3;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                if (i + 3 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                int b1 = b[i + 1] & 0xff;
                if ((b0 == 0xf0 && b1 < 0x90) || (b0 == 0xf4 && b1 >= 0x90)) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Fields longer than this are decoded into an array of their own, not the thread's scratch array. */
    private static final int MAX_SCRATCH = 1 << 20;
    private static final ThreadLocal<char[][]> SCRATCH = ThreadLocal.withInitial(() -> new char[][] {new char[1024]});
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static char[] scratch(int len) {
        char[][] holder = SCRATCH.get();
        if (holder[0].length < len) {
            holder[0] = new char[Math.max(len, Math.min(MAX_SCRATCH, holder[0].length * 2))];
        }
        return holder[0];
    }

    private static boolean continuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    /** @return the first byte in {@code [i, end)} at or above 0x80, or {@code end}; eight bytes at a time */
    private static int asciiRun(byte[] b, int i, int end) {
        for (; i + 8 <= end; i += 8) {
            long high = (long) LONGS.get(b, i) & HIGH_BITS;
            if (high != 0) {
                return i + (Long.numberOfTrailingZeros(high) >>> 3);
            }
        }
        while (i < end && b[i] >= 0) {
            i++;
        }
        return i;
    }

    /** Copies the ASCII bytes {@code b[from, to)} to {@code out[o...]}: a counted loop the JIT vectorizes. */
    private static int widen(byte[] b, int from, int to, char[] out, int o) {
        int n = to - from;
        for (int k = 0; k < n; k++) {
            out[o + k] = (char) b[from + k];
        }
        return o + n;
    }

    private static String marked(byte[] b, int off, int len) {
        CharsetDecoder decoder = MARKING.get();
        decoder.reset();
        try {
            CharBuffer out = decoder.decode(ByteBuffer.wrap(b, off, len));
            return out.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /**
     * The length of one UTF-8 encoded character that {@link Character#isWhitespace(char)} calls white space, at
     * {@code i}: what the lexer skips between a closing quote and the delimiter.
     *
     * @return its length in bytes (1 to 3), 0 if the character there is not white space (or not valid UTF-8), or -1
     *         if {@code to} cuts it short
     */
    static int whitespaceAt(byte[] b, int i, int to) {
        int b0 = b[i] & 0xff;
        if (b0 < 0x80) {
            return Character.isWhitespace((char) b0) ? 1 : 0;
        }
        int n = b0 >= 0xf0 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc0 ? 2 : 1;
        if (n == 1 || n == 4) {
            // A stray continuation byte or an invalid lead decodes to the mark; a 4-byte character to a surrogate
            // pair: neither is white space.
            return 0;
        }
        if (i + n > to) {
            return -1;
        }
        String c = decode(b, i, n);
        return c.length() == 1 && Character.isWhitespace(c.charAt(0)) ? n : 0;
    }
}
