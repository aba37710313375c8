package dev.slant.datasets.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One text file opened for reading articles: gzip is decompressed when the file starts with the gzip magic
 * bytes (whatever its name), a UTF-8 byte order mark is skipped, and the bytes are decoded as UTF-8 without ever
 * stopping on bad input: each malformed byte sequence becomes {@link #INVALID_UTF8_MARK}, which
 * {@link #indexOfInvalidUtf8(String)} finds exactly.
 *
 * <p>The mark is a lone low surrogate, a {@code char} that decoding valid UTF-8 can never produce on its own
 * (valid input yields a low surrogate only right after a high one), so a field is flagged if and only if its
 * bytes were not UTF-8. Text shown to people goes through {@link #displayable(String)} first.
 */
public final class TextInput implements Closeable {
    /** Size of the byte buffers between the file, the decompressor and the decoder. */
    public static final int BUFFER_SIZE = 1 << 16;
    /** Bytes per chunk decompressed ahead of the parser, on a thread of the input's own. */
    static final int READ_AHEAD = 1 << 18;
    /** Chunks decompressed ahead at most (1 MB). */
    static final int READ_AHEAD_CHUNKS = 4;
    /** What a malformed UTF-8 byte sequence decodes to: a low surrogate with no high surrogate before it. */
    public static final char INVALID_UTF8_MARK = '\uDFFF';
    /** What {@link #displayable(String)} shows in place of {@link #INVALID_UTF8_MARK}. */
    public static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private final String name;
    private final Reader reader;
    private final CountingInputStream counter;
    private final boolean gzipped;

    private TextInput(String name, Reader reader, CountingInputStream counter, boolean gzipped) {
        this.name = name;
        this.reader = reader;
        this.counter = counter;
        this.gzipped = gzipped;
    }

    /**
     * Opens a file, naming it in messages as its path was given.
     *
     * @param file the file
     * @return the opened input; the caller closes it
     * @throws IOException if the file cannot be opened, is not valid gzip although it starts like gzip, or starts
     *                     with a UTF-16 byte order mark
     */
    public static TextInput open(Path file) throws IOException {
        return open(file, file.toString());
    }

    /**
     * Opens a file under a name of the caller's choice.
     *
     * @param file the file
     * @param name how messages name it
     * @return the opened input; the caller closes it
     * @throws IOException if the file cannot be opened, is not valid gzip although it starts like gzip, or starts
     *                     with a UTF-16 byte order mark
     */
    public static TextInput open(Path file, String name) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return of(raw, name);
        } catch (IOException | RuntimeException e) {
            IoFailures.closeAfter(e, raw);
            throw e;
        }
    }

    /**
     * Wraps a stream (standard input, a resource). The stream is closed by {@link #close()}.
     *
     * @param in   the bytes, gzip-compressed or not
     * @param name how messages name the input
     * @return the opened input
     * @throws IOException if the stream cannot be read, is not valid gzip although it starts like gzip, or starts
     *                     with a UTF-16 byte order mark
     */
    public static TextInput of(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
        boolean gzipped = startsWith(buffered, GZIP_MAGIC);
        InputStream content = buffered;
        if (gzipped) {
            GZIPInputStream gunzip;
            try {
                gunzip = new GZIPInputStream(buffered, BUFFER_SIZE);
            } catch (IOException e) {
                ZipException bad = new ZipException(name + ": starts like gzip but is not valid gzip: " + e);
                bad.initCause(e);
                throw bad;
            }
            // Decompressed on a thread of its own, a few chunks ahead of the parser: a third of reading's time
            // (article-bias: 0.85 of 2.3 to 3.3 s) then no longer holds up the one thread that parses.
            content = new ReadAheadInputStream(gunzip, READ_AHEAD, READ_AHEAD_CHUNKS, "slant-gunzip " + name);
            try {
                return decoded(content, name, true);
            } catch (IOException | RuntimeException e) {
                IoFailures.closeAfter(e, content); // stops the read-ahead thread
                throw e;
            }
        }
        return decoded(content, name, false);
    }

    /** The UTF-8 text of the content bytes, a byte order mark skipped. */
    private static TextInput decoded(InputStream content, String name, boolean gzipped) throws IOException {
        CountingInputStream counter = new CountingInputStream(content);
        PushbackInputStream pushback = new PushbackInputStream(counter, UTF8_BOM.length);
        byte[] head = pushback.readNBytes(UTF8_BOM.length);
        if (!java.util.Arrays.equals(head, UTF8_BOM)) {
            if (head.length >= 2 && ((head[0] == (byte) 0xff && head[1] == (byte) 0xfe)
                    || (head[0] == (byte) 0xfe && head[1] == (byte) 0xff))) {
                throw new UnsupportedEncodingException(name
                        + ": starts with a UTF-16 byte order mark; only UTF-8 is read (convert the file to UTF-8)");
            }
            pushback.unread(head);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(INVALID_UTF8_MARK));
        return new TextInput(name, new InputStreamReader(pushback, decoder), counter, gzipped);
    }

    /** @return how messages name this input */
    public String name() {
        return name;
    }

    /** @return the decoded text, byte order mark skipped; read it through a buffer of its own or a parser */
    public Reader reader() {
        return reader;
    }

    /** @return whether the bytes were gzip-compressed */
    public boolean gzipped() {
        return gzipped;
    }

    /**
     * @return bytes of decompressed input handed to the decoder so far (the decoder reads ahead of the text
     *         consumed; at the end this is the whole decompressed size, byte order mark included)
     */
    public long bytesRead() {
        return counter.count;
    }

    /**
     * Where a field holds bytes that were not UTF-8.
     *
     * @param s text decoded by a {@code TextInput}
     * @return the index of the first {@link #INVALID_UTF8_MARK} that is not the second half of a surrogate pair,
     *         or -1 if the text decoded cleanly
     */
    public static int indexOfInvalidUtf8(String s) {
        for (int i = s.indexOf(INVALID_UTF8_MARK); i >= 0; i = s.indexOf(INVALID_UTF8_MARK, i + 1)) {
            if (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Text fit to show or write: every {@link #INVALID_UTF8_MARK} that stands for bad bytes becomes
     * {@link #REPLACEMENT_CHARACTER}.
     *
     * @param s text decoded by a {@code TextInput}
     * @return the same text if it decoded cleanly, else a copy with the marks replaced
     */
    public static String displayable(String s) {
        int first = indexOfInvalidUtf8(s);
        if (first < 0) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if (chars[i] == INVALID_UTF8_MARK && (i == 0 || !Character.isHighSurrogate(chars[i - 1]))) {
                chars[i] = REPLACEMENT_CHARACTER;
            }
        }
        return new String(chars);
    }

    /**
     * Closes the file.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static boolean startsWith(BufferedInputStream in, byte[] magic) throws IOException {
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return java.util.Arrays.equals(head, magic);
    }

    /** Counts the bytes that pass through it. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
