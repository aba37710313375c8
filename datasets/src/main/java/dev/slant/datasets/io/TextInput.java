package dev.slant.datasets.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * One input opened for reading articles: gzip is decompressed when the input starts with the gzip magic bytes
 * (whatever its name), a UTF-8 byte order mark is skipped, and the readers decode the bytes as UTF-8 without ever
 * stopping on bad input: each malformed byte sequence becomes {@link #INVALID_UTF8_MARK}, which
 * {@link #indexOfInvalidUtf8(String)} finds exactly.
 *
 * <p>What cannot be read as UTF-8 text at all fails at once with a {@link BadInputException} naming the input: a
 * missing file, a directory, data that starts like gzip but is not, a UTF-16 or UTF-32 byte order mark, NUL bytes
 * near the start (UTF-16 without a byte order mark, or a binary file); a gzip stream that is cut short or corrupt
 * fails the same way where the damage is met.
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
    /** How many bytes at the start are searched for NUL bytes, the sign of UTF-16 without a byte order mark. */
    static final int HEAD_CHECKED = 4096;
    /** What a malformed UTF-8 byte sequence decodes to: a low surrogate with no high surrogate before it. */
    public static final char INVALID_UTF8_MARK = '\uDFFF';
    /** What {@link #displayable(String)} shows in place of {@link #INVALID_UTF8_MARK}. */
    public static final char REPLACEMENT_CHARACTER = '\uFFFD';
    /** How messages name standard input. */
    public static final String STANDARD_INPUT = "standard input";

    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private final String name;
    private final InputStream bytes;
    private final CountingInputStream counter;
    private final boolean gzipped;
    private final int skipped;
    private Reader reader;

    private TextInput(String name, InputStream bytes, CountingInputStream counter, boolean gzipped, int skipped) {
        this.name = name;
        this.bytes = bytes;
        this.counter = counter;
        this.gzipped = gzipped;
        this.skipped = skipped;
    }

    /**
     * Opens a file, naming it in messages as its path was given.
     *
     * @param file the file
     * @return the opened input; the caller closes it
     * @throws IOException         if the file cannot be read
     * @throws BadInputException   if it is missing, a directory, or not UTF-8 text (see the class comment)
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
     * @throws IOException       if the file cannot be read
     * @throws BadInputException if it is missing, a directory, or not UTF-8 text (see the class comment)
     */
    public static TextInput open(Path file, String name) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(name + ": is a directory, not a file of articles");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(name + ": no such file");
        }
        // A FileInputStream, not Files.newInputStream: a FileChannel's stream fails on a named pipe ("Illegal seek",
        // when asked how much is available), and is closed by an interrupt of the thread reading it.
        InputStream raw;
        try {
            raw = new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            throw new BadInputException(name + ": cannot be opened (" + e.getMessage() + ")", e);
        }
        try {
            return of(raw, name);
        } catch (IOException | RuntimeException e) {
            IoFailures.closeAfter(e, raw);
            throw e;
        }
    }

    /**
     * Standard input, named {@value #STANDARD_INPUT} in messages. Closing the input does not close
     * {@link System#in}.
     *
     * @return the opened input
     * @throws IOException       if it cannot be read
     * @throws BadInputException if it is not UTF-8 text (see the class comment)
     */
    public static TextInput standardInput() throws IOException {
        return of(new FilterInputStream(System.in) {
            @Override
            public void close() {
                // Standard input belongs to the process.
            }
        }, STANDARD_INPUT);
    }

    /**
     * Wraps a stream (standard input, a resource). The stream is closed by {@link #close()}.
     *
     * @param in   the bytes, gzip-compressed or not
     * @param name how messages name the input
     * @return the opened input
     * @throws IOException       if the stream cannot be read
     * @throws BadInputException if it is not UTF-8 text (see the class comment)
     */
    public static TextInput of(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
        boolean gzipped = startsWith(buffered, GZIP_MAGIC);
        if (!gzipped) {
            return decoded(buffered, name, false);
        }
        GZIPInputStream gunzip;
        try {
            gunzip = new GZIPInputStream(buffered, BUFFER_SIZE);
        } catch (IOException e) {
            throw new BadInputException(name + ": starts like gzip but is not valid gzip: " + e, e);
        }
        // Decompressed on a thread of its own, a few chunks ahead of the parser: a third of reading's time
        // (article-bias: 0.85 of 2.3 to 3.3 s) then no longer holds up the thread that cuts the input into chunks.
        InputStream content = new ReadAheadInputStream(new GzipFailures(gunzip, name), READ_AHEAD,
                READ_AHEAD_CHUNKS, "slant-gunzip " + name);
        try {
            return decoded(content, name, true);
        } catch (IOException | RuntimeException e) {
            IoFailures.closeAfter(e, content); // stops the read-ahead thread
            throw e;
        }
    }

    /** The content bytes, a byte order mark skipped, checked for the signs of UTF-16. */
    private static TextInput decoded(InputStream content, String name, boolean gzipped) throws IOException {
        CountingInputStream counter = new CountingInputStream(content);
        PushbackInputStream pushback = new PushbackInputStream(counter, HEAD_CHECKED);
        byte[] head = pushback.readNBytes(UTF8_BOM.length);
        int skipped = UTF8_BOM.length;
        if (!java.util.Arrays.equals(head, UTF8_BOM)) {
            skipped = 0;
            if (head.length >= 2 && ((head[0] == (byte) 0xff && head[1] == (byte) 0xfe)
                    || (head[0] == (byte) 0xfe && head[1] == (byte) 0xff))) {
                throw new BadInputException(name
                        + ": starts with a UTF-16 byte order mark; only UTF-8 is read (convert the file to UTF-8)");
            }
            pushback.unread(head);
        }
        byte[] start = pushback.readNBytes(HEAD_CHECKED);
        for (int i = 0; i < start.length; i++) {
            if (start[i] == 0) {
                throw new BadInputException(name + ": holds a NUL byte at byte " + (counter.count - start.length + i + 1)
                        + ": UTF-16 or UTF-32 text without a byte order mark, or not text at all; only UTF-8 is read "
                        + "(convert the file to UTF-8)");
            }
        }
        pushback.unread(start);
        return new TextInput(name, pushback, counter, gzipped, skipped);
    }

    /** @return how messages name this input */
    public String name() {
        return name;
    }

    /**
     * @return the content's bytes, a byte order mark skipped; read them through one reader only
     */
    public InputStream bytes() {
        return bytes;
    }

    /**
     * @return the content decoded as text ({@link #INVALID_UTF8_MARK} for bad bytes), for a caller that reads it
     *         instead of {@link #bytes()}
     */
    public Reader reader() {
        if (reader == null) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(INVALID_UTF8_MARK));
            reader = new InputStreamReader(bytes, decoder);
        }
        return reader;
    }

    /** @return the bytes of the byte order mark skipped: 3 or 0 */
    public int skipped() {
        return skipped;
    }

    /** @return whether the bytes were gzip-compressed */
    public boolean gzipped() {
        return gzipped;
    }

    /**
     * @return bytes of decompressed input read so far (the readers read ahead of what they have parsed; at the
     *         end this is the whole decompressed size, byte order mark included)
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
        bytes.close();
    }

    private static boolean startsWith(BufferedInputStream in, byte[] magic) throws IOException {
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return java.util.Arrays.equals(head, magic);
    }

    /**
     * Turns the decompressor's failures into a {@link BadInputException} naming the input: a gzip stream cut short
     * ({@link java.io.EOFException}) or corrupt ({@link java.util.zip.ZipException}) is bad data, not an I/O error.
     */
    private static final class GzipFailures extends FilterInputStream {
        private final String name;
        private long count;

        GzipFailures(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (java.io.EOFException e) {
                throw new BadInputException(String.format(java.util.Locale.ROOT,
                        "%s: the gzip data ends too soon (the file is truncated), after %,d bytes of text: %s",
                        name, count, e.getMessage()), e);
            } catch (java.util.zip.ZipException e) {
                throw new BadInputException(String.format(java.util.Locale.ROOT,
                        "%s: the gzip data is corrupt, after %,d bytes of text: %s", name, count, e.getMessage()), e);
            }
        }
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
