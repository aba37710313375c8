package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class TextInputTest {
    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private static String readAll(TextInput input) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Reader reader = input.reader()) {
            char[] buf = new char[7];
            for (int n; (n = reader.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
        }
        return sb.toString();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void plainUtf8() throws IOException {
        byte[] bytes = "héllo\nwörld".getBytes(StandardCharsets.UTF_8);
        TextInput input = TextInput.of(new ByteArrayInputStream(bytes), "plain");
        assertFalse(input.gzipped());
        assertEquals("héllo\nwörld", readAll(input));
        assertEquals(bytes.length, input.bytesRead());
        assertEquals("plain", input.name());
    }

    @Test
    void gzipIsDetectedByItsMagicBytesAndTheBomSkippedInside() throws IOException {
        byte[] text = concat(BOM, "a,b\n".getBytes(StandardCharsets.UTF_8));
        TextInput input = TextInput.of(new ByteArrayInputStream(gzip(text)), "x.csv");
        assertTrue(input.gzipped());
        assertEquals("a,b\n", readAll(input));
        assertEquals(text.length, input.bytesRead(), "decompressed bytes, the BOM included");
    }

    @Test
    void aShortInputIsNotMistakenForABomOrGzip() throws IOException {
        assertEquals("\u001f", readAll(TextInput.of(new ByteArrayInputStream(new byte[] {0x1f}), "one")));
        assertEquals("", readAll(TextInput.of(new ByteArrayInputStream(new byte[0]), "empty")));
        assertEquals("\uFEFF", readAll(TextInput.of(new ByteArrayInputStream(
                concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, BOM)), "two boms")),
                "only the first BOM is skipped");
    }

    @Test
    void brokenGzipIsBadDataNamingTheInput() {
        byte[] bad = {(byte) 0x1f, (byte) 0x8b, 1, 2};
        BadInputException e = assertThrows(BadInputException.class,
                () -> TextInput.of(new ByteArrayInputStream(bad), "bad.gz"));
        assertTrue(e.getMessage().startsWith("bad.gz: starts like gzip but is not valid gzip: "), e.getMessage());
        assertTrue(e.getCause() instanceof ZipException);
    }

    /** Several read-ahead buffers of text that does not compress to nothing. */
    private static String longText() {
        java.util.Random random = new java.util.Random(5);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 3 * TextInput.READ_AHEAD) {
            sb.append("word").append(random.nextInt(100_000)).append(random.nextBoolean() ? " é " : "\n");
        }
        return sb.toString();
    }

    @Test
    void aLongGzipIsReadWholeThroughTheReadAhead() throws IOException {
        String text = longText();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TextInput input = TextInput.of(new ByteArrayInputStream(gzip(bytes)), "long.gz");
        assertEquals(text, readAll(input));
        assertEquals(bytes.length, input.bytesRead());
    }

    @Test
    void aGzipCutShortFailsWhenReadNotSilently() throws IOException {
        byte[] whole = gzip(longText().getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        TextInput input = TextInput.of(new ByteArrayInputStream(cut), "cut.gz");
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(input));
        assertTrue(e.getMessage().startsWith("cut.gz: the gzip data ends too soon (the file is truncated), after "),
                e.getMessage());
        assertEquals(java.io.EOFException.class, e.getCause().getClass(), "the decompressor's own, from its thread");
    }

    @Test
    void aRefusedGzipLeavesNoReadAheadThreadBehind() throws IOException {
        // More than the read-ahead holds, so that its thread would wait to hand over the rest.
        String rows = "id,text\n".repeat(TextInput.READ_AHEAD * (TextInput.READ_AHEAD_CHUNKS + 2) / 8);
        byte[] utf16 = gzip(("\uFEFF" + rows).getBytes(StandardCharsets.UTF_16LE));
        assertThrows(BadInputException.class, () -> TextInput.of(new ByteArrayInputStream(utf16), "utf16.csv.gz"));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("slant-gunzip utf16.csv.gz")));
    }

    @Test
    void utf16IsRefusedWithAClearMessage() {
        byte[] utf16 = "\uFEFFid".getBytes(StandardCharsets.UTF_16LE);
        BadInputException e = assertThrows(BadInputException.class,
                () -> TextInput.of(new ByteArrayInputStream(utf16), "excel.tsv"));
        assertEquals("excel.tsv: starts with a UTF-16 byte order mark; only UTF-8 is read (convert the file to UTF-8)",
                e.getMessage());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsToldByItsNulBytes() {
        byte[] utf16 = "id,text\n1,hello\n".getBytes(StandardCharsets.UTF_16BE);
        BadInputException e = assertThrows(BadInputException.class,
                () -> TextInput.of(new ByteArrayInputStream(utf16), "no-bom.csv"));
        assertEquals("no-bom.csv: holds a NUL byte at byte 1: UTF-16 or UTF-32 text without a byte order mark, or not "
                + "text at all; only UTF-8 is read (convert the file to UTF-8)", e.getMessage());
    }

    @Test
    void aMissingFileAndADirectoryAreNamedAsBadInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        BadInputException missing = assertThrows(BadInputException.class,
                () -> TextInput.open(dir.resolve("nothing.csv"), "nothing.csv"));
        assertEquals("nothing.csv: no such file", missing.getMessage());
        BadInputException folder = assertThrows(BadInputException.class, () -> TextInput.open(dir, "folder"));
        assertEquals("folder: is a directory, not a file of articles", folder.getMessage());
    }

    @Test
    void invalidUtf8IsMarkedAndFoundExactly() throws IOException {
        byte[] bytes = {'a', (byte) 0xc3, '(', 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'c', (byte) 0xf0,
            (byte) 0x9f, (byte) 0x98};
        String text = readAll(TextInput.of(new ByteArrayInputStream(bytes), "bad"));
        assertEquals("a\uDFFF(b\uDFFFc\uDFFF", text, "a bad lead byte, an encoded surrogate, a truncated end");
        assertEquals(1, TextInput.indexOfInvalidUtf8(text));
        assertEquals("a\uFFFD(b\uFFFDc\uFFFD", TextInput.displayable(text));
    }

    @Test
    void validTextIsNeverFlagged() {
        String valid = "\uFFFF \uDBFF\uDFFF \uD83D\uDE00 plain";
        assertEquals(-1, TextInput.indexOfInvalidUtf8(valid));
        assertEquals(valid, TextInput.displayable(valid));
        assertEquals(2, TextInput.indexOfInvalidUtf8("\uDBFF\uDFFF\uDFFF"), "a mark right after a pair");
        assertEquals(0, TextInput.indexOfInvalidUtf8("\uDFFF"));
    }

    @Test
    void opensFilesAndNamesThemAsGiven() throws IOException {
        try (TextInput input = TextInput.open(Fixtures.path("bom.csv"))) {
            assertTrue(input.name().endsWith("bom.csv"));
            assertTrue(readAll(input).startsWith("id,title"));
        }
    }
}
