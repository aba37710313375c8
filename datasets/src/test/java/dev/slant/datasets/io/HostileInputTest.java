package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reader against the hostile inputs under {@code hostile/} (see its README): in both modes, on 0 to 3 parsing
 * threads and with chunks from 1 byte (small inputs) to 1 MiB, a read ends well or with a bad record or bad input
 * naming the input, never another exception, and the same way (the same articles, rejects and end) whatever the
 * threads and the chunk size. Each file read in its own format ends as stated below.
 */
class HostileInputTest {
    static final int MAX_RECORD = 64 << 10;
    static final ColumnMapping MAPPING = ColumnMapping.builder().idColumn("id").titleColumn("title")
            .textColumn("text").build();

    /** Outcome of a read: its articles' ids, its rejects' reasons, and its end. */
    record Outcome(List<String> ids, List<String> rejects, String end) {
        @Override
        public String toString() {
            return ids + " " + rejects + " " + end;
        }
    }

    static Outcome read(byte[] bytes, ArticleFormat format, ReadOptions options) {
        List<String> ids = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        RejectSink sink = new RejectSink() {
            @Override
            public void reject(RecordProblem p, List<String> raw) {
                rejects.add(p.recordNumber() + ":" + p.line() + ":" + p.reason() + ":" + p.column());
            }

            @Override
            public void close() {
            }
        };
        String end = "ok";
        try (ArticleReader reader = ArticleReaders.open(TextInput.of(new ByteArrayInputStream(bytes), "in"), format,
                List.of(), MAPPING, options.withRejects(sink))) {
            while (reader.hasNext()) {
                ids.add(reader.next().id());
            }
        } catch (BadRecordException e) {
            RecordProblem p = e.problem();
            assertTrue(e.getMessage().startsWith("in: "), e.getMessage());
            end = "bad record " + p.recordNumber() + ":" + p.line() + ":" + p.reason() + ":" + p.column();
        } catch (BadInputException e) {
            assertTrue(e.getMessage().startsWith("in: "), e.getMessage());
            end = "bad input: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            end = "usage: " + e.getMessage(); // names given for JSONL and the like: not reached here
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            fail(format + " on " + options + ": " + e, e);
        }
        return new Outcome(ids, rejects, end);
    }

    static Map<String, byte[]> corpus() throws IOException {
        Path dir = Fixtures.path("hostile");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("README.md") && !name.equals("make.py")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** @return how big the input is once decompressed */
    static long inflated(byte[] bytes) throws IOException {
        try (TextInput in = TextInput.of(new ByteArrayInputStream(bytes), "in")) {
            InputStream s = in.bytes();
            long n = 0;
            byte[] buf = new byte[1 << 16];
            for (int r; (r = s.read(buf)) > 0; ) {
                n += r;
            }
            return n;
        } catch (BadInputException e) {
            return bytes.length;
        }
    }

    @Test
    void everyReaderEndsTheSameWayWhateverTheThreadsAndTheChunks() throws IOException {
        Map<String, byte[]> corpus = corpus();
        assertTrue(corpus.size() >= 34, "the corpus is there: " + corpus.keySet());
        for (Map.Entry<String, byte[]> file : corpus.entrySet()) {
            boolean small = inflated(file.getValue()) < (256 << 10);
            int[] threads = small ? new int[] {0, 1, 2, 3} : new int[] {0, 2};
            int[] chunks = small ? new int[] {1, 2, 7, 64, 4096, 1 << 20} : new int[] {4096, 1 << 20};
            for (ArticleFormat format : ArticleFormat.values()) {
                for (ReadMode mode : ReadMode.values()) {
                    ReadOptions base = new ReadOptions(mode, RejectSink.NONE).withMaxRecordBytes(MAX_RECORD);
                    Outcome first = read(file.getValue(), format, base.withThreads(0).withChunkBytes(1 << 16));
                    for (int t : threads) {
                        for (int c : chunks) {
                            Outcome o = read(file.getValue(), format, base.withThreads(t).withChunkBytes(c));
                            assertEquals(first, o, file.getKey() + " as " + format + ", " + mode + ", " + t
                                    + " threads, chunks of " + c);
                        }
                    }
                }
            }
        }
    }

    static Outcome own(String file, ReadMode mode) throws IOException {
        ArticleFormat format = file.contains(".jsonl") ? ArticleFormat.JSONL : ArticleFormat.CSV;
        return read(corpus().get(file), format, new ReadOptions(mode, RejectSink.NONE).withMaxRecordBytes(MAX_RECORD)
                .withChunkBytes(4096).withThreads(2));
    }

    static void expect(String file, ReadMode mode, String outcome) throws IOException {
        assertEquals(outcome, own(file, mode).toString(), file + ", " + mode);
    }

    @Test
    void quotes() throws IOException {
        expect("quote-inside-unquoted.csv", ReadMode.STRICT, "[1, 2] [] ok");
        expect("char-after-closing-quote.csv", ReadMode.LENIENT, "[1] [2:3:MALFORMED:text] bad record 2:3:MALFORMED:text");
        expect("space-after-closing-quote.csv", ReadMode.LENIENT, "[1, 3] [2:3:MALFORMED:] ok");
        expect("unterminated-last-record.csv", ReadMode.LENIENT, "[1] [2:3:UNTERMINATED_QUOTE:text] ok");
        expect("unterminated-last-record.csv", ReadMode.STRICT, "[1] [] bad record 2:3:UNTERMINATED_QUOTE:text");
        expect("stray-quote-swallows-the-rest.csv", ReadMode.LENIENT,
                "[1] [2:3:UNTERMINATED_QUOTE:title] bad record 2:3:UNTERMINATED_QUOTE:title");
        expect("doubled-quotes-everywhere.csv", ReadMode.LENIENT, "[1, 2] [] ok");
        expect("lone-cr-line-ends.csv", ReadMode.STRICT, "[1, 2, 3] [] ok");
        expect("mixed-line-ends.csv", ReadMode.STRICT, "[1, 2, 3, 4] [] ok");
        expect("fields-missing-and-extra.csv", ReadMode.LENIENT,
                "[3] [1:2:MISSING_COLUMN:text, 2:3:MALFORMED:, 4:5:MALFORMED:id, 5:6:DUPLICATE_ID:id] ok");
    }

    @Test
    void encodings() throws IOException {
        for (String f : List.of("utf16le-bom.csv", "utf32le-bom.csv")) {
            assertEquals("[] [] bad input: in: starts with a UTF-16 byte order mark; only UTF-8 is read (convert the "
                    + "file to UTF-8)", own(f, ReadMode.LENIENT).toString(), f);
        }
        assertTrue(own("utf16be-no-bom.csv", ReadMode.LENIENT).end().startsWith("bad input: in: holds a NUL byte at "
                + "byte 1: UTF-16 or UTF-32 text without a byte order mark"));
        expect("latin1.csv", ReadMode.LENIENT, "[2] [1:2:INVALID_UTF8:text] ok");
        expect("overlong-and-surrogates.csv", ReadMode.LENIENT,
                "[4] [1:2:INVALID_UTF8:text, 2:3:INVALID_UTF8:text, 3:4:INVALID_UTF8:text] ok");
        expect("utf8-bom.csv", ReadMode.STRICT, "[1] [] ok");
        expect("nul-after-the-head.csv", ReadMode.STRICT, "[1, 2] [] ok");
    }

    @Test
    void sizes() throws IOException {
        expect("empty.csv", ReadMode.LENIENT, "[] [] bad record 0:1:MALFORMED:");
        expect("header-only.csv", ReadMode.STRICT, "[] [] ok");
        expect("blank-lines-only.csv", ReadMode.STRICT, "[] [] ok");
        expect("no-line-break-at-the-end.csv", ReadMode.STRICT, "[1] [] ok");
        expect("long-record.csv.gz", ReadMode.LENIENT, "[1, 3] [2:3:TOO_LONG:] ok");
        expect("long-record.csv.gz", ReadMode.STRICT, "[1] [] bad record 2:3:TOO_LONG:");
        expect("long-line.jsonl.gz", ReadMode.LENIENT, "[1, 3] [2:2:TOO_LONG:] ok");
        expect("bomb-of-line-breaks.csv.gz", ReadMode.STRICT, "[] [] ok");
        expect("bomb-of-one-line.jsonl.gz", ReadMode.LENIENT, "[] [1:1:TOO_LONG:] ok");
    }

    @Test
    void jsonLines() throws IOException {
        expect("text-not-a-string.jsonl", ReadMode.LENIENT,
                "[3] [1:1:MALFORMED:text, 2:2:MALFORMED:text, 4:4:MALFORMED:title] ok");
        expect("mistyped-field.jsonl", ReadMode.LENIENT, "[] [] bad record 1:1:MISSING_COLUMN:text");
        expect("mistyped-field.jsonl", ReadMode.STRICT, "[] [] bad record 1:1:MISSING_COLUMN:text");
        expect("not-objects.jsonl", ReadMode.LENIENT,
                "[5] [1:1:MALFORMED:, 2:2:MALFORMED:, 3:3:MALFORMED:, 4:4:MALFORMED:, 6:6:MALFORMED:, 7:7:MALFORMED:] ok");
        expect("deep-nesting.jsonl", ReadMode.LENIENT, "[2] [1:1:MALFORMED:] ok");
    }

    @Test
    void gzip() throws IOException {
        for (String f : List.of("truncated.csv.gz", "corrupt.csv.gz", "not-gzip.csv.gz")) {
            String end = own(f, ReadMode.LENIENT).end();
            assertTrue(end.startsWith("bad input: in: ") && end.contains("gzip"), f + ": " + end);
        }
        expect("two-members.csv.gz", ReadMode.STRICT, "[1, 2] [] ok");
        assertTrue(own("gzip-in-gzip.csv.gz", ReadMode.STRICT).end().startsWith("bad input: in: holds a NUL byte"));
    }
}
