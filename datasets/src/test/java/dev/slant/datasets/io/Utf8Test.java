package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field decoder gives exactly the JDK decoder's text, marks included, on any bytes. */
class Utf8Test {
    static String jdk(byte[] b, int off, int len) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(TextInput.INVALID_UTF8_MARK))
                .decode(ByteBuffer.wrap(b, off, len)).toString();
    }

    @Test
    void everySequenceOfUpToThreeBytesAfterAnAsciiRun() throws CharacterCodingException {
        int[] interesting = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
            0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xfe, 0xff};
        for (int a : interesting) {
            for (int b : interesting) {
                for (int c : interesting) {
                    for (int d : new int[] {0x80, 0xbf, 0x41}) {
                        byte[] bytes = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', (byte) a, (byte) b, (byte) c,
                            (byte) d};
                        for (int start = 0; start < 10; start += 9) {
                            for (int len = 0; start + len <= bytes.length; len++) {
                                assertEquals(jdk(bytes, start, len), Utf8.decode(bytes, start, len),
                                        String.format("%02x %02x %02x %02x, from %d, %d bytes", a, b, c, d, start, len));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void randomTextMostlyValid() throws CharacterCodingException {
        Random r = new Random(41);
        String[] pieces = {"plain words ", "“curly”", "é", "—", "\uD83D\uDE00", "\u0000", "ÿ", "\uFFFD", "\uFEFF"};
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(4) == 0 && bytes.length > 0) {
                bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
            }
            assertEquals(jdk(bytes, 0, bytes.length), Utf8.decode(bytes, 0, bytes.length));
        }
    }

    @Test
    void aLongFieldIsDecodedWholeWithoutTheScratchArray() throws CharacterCodingException {
        byte[] bytes = "é and more text ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        assertEquals(jdk(bytes, 0, bytes.length), Utf8.decode(bytes, 0, bytes.length));
        assertEquals("é and", Utf8.decode(bytes, 0, 6), "the scratch array is not the long field's");
    }
}
