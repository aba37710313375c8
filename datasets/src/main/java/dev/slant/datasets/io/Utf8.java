package dev.slant.datasets.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 the way {@link TextInput} defines it: each malformed byte sequence becomes
 * {@link TextInput#INVALID_UTF8_MARK}, one mark for each sequence the JDK's UTF-8 decoder reports as malformed.
 *
 * <p>The common case runs at the speed of {@code new String(bytes, UTF_8)}: that constructor replaces a malformed
 * sequence with U+FFFD, so a result without U+FFFD is exact, and only text holding U+FFFD (bad bytes, or a real
 * U+FFFD) is decoded again by a decoder that writes the mark instead. Decoding a field alone gives what decoding the
 * whole stream gave: fields end at ASCII bytes (delimiters, quotes, line breaks), which are never part of a
 * multi-byte sequence nor swallowed by a malformed one.
 */
final class Utf8 {
    private static final char FFFD = '\uFFFD';
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
        String s = new String(b, off, len, StandardCharsets.UTF_8);
        if (s.indexOf(FFFD) < 0) {
            return s;
        }
        return marked(b, off, len);
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
