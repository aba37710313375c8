package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunked reader against the reference (the readers as they were, one record at a time: Commons CSV, and
 * readLine with Jackson) on random inputs full of what breaks readers: quotes opened, doubled and left open, quotes
 * inside unquoted fields, white space and other text after closing quotes, CR, LF and CR LF, blank lines, invalid
 * UTF-8, multi-byte characters, fields missing or extra. Every input is read in both modes, on 0 to 3 threads and
 * with chunks from 1 byte up: the articles, the rejects and the end must be the reference's, whatever the cut.
 */
class ChunkedReadingTest {
    static final ColumnMapping DELIMITED = ColumnMapping.builder()
            .titleColumn("title").textColumn("text").label(LabelColumn.of("stance", "stance"))
            .metadata("outlet", "outlet").build();
    static final ColumnMapping DELIMITED_IDS = ColumnMapping.builder()
            .idColumn("id").textColumn("text").build();
    static final int[] THREADS = {0, 1, 2, 3};
    static final int[] CHUNKS = {1, 2, 3, 5, 8, 13, 64, 1000, 1 << 16};

    /** Pieces a random field is made of. */
    private static final String[] PIECES = {"a", "bc", "word ", "é", "€", "\uD83D\uDE00", " ", "\t", "\u2003", "\u00A0",
        "\"", "\"\"", ",", "\n", "\r", "\r\n", "x\"y"};
    private static final byte[][] BAD_BYTES = {{(byte) 0xc3}, {(byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {(byte) 0xe2, (byte) 0x82}};

    static byte[] randomDelimited(Random r, char delimiter, boolean quoting, List<String> header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, String.join(String.valueOf(delimiter), header) + (r.nextBoolean() ? "\r\n" : "\n"));
        int records = 1 + r.nextInt(12);
        for (int i = 0; i < records; i++) {
            int roll = r.nextInt(20);
            if (roll == 0) {
                write(out, r.nextBoolean() ? "\n" : "\r\n"); // a blank line
                continue;
            }
            int fields = roll == 1 ? header.size() - 1 : roll == 2 ? header.size() + 1 : header.size();
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    out.write(delimiter);
                }
                field(out, r, delimiter, quoting, f == 0 && header.get(0).equals("id") ? i % 5 : -1);
            }
            String[] ends = {"\n", "\r\n", "\r", "\n"};
            if (i < records - 1 || r.nextBoolean()) {
                write(out, ends[r.nextInt(ends.length)]);
            }
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, Random r, char delimiter, boolean quoting, int id) {
        if (id >= 0) {
            write(out, r.nextInt(8) == 0 ? "" : "id" + id);
            return;
        }
        int kind = r.nextInt(10);
        int pieces = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(5);
        if (quoting && kind < 5) {
            out.write('"');
            for (int p = 0; p < pieces; p++) {
                String piece = PIECES[r.nextInt(PIECES.length)];
                write(out, piece.replace("\"", r.nextInt(60) == 0 ? "\"" : "\"\""));
                if (r.nextInt(40) == 0) {
                    out.writeBytes(BAD_BYTES[r.nextInt(BAD_BYTES.length)]);
                }
            }
            if (r.nextInt(80) > 0) {
                out.write('"');
                if (r.nextInt(30) == 0) {
                    write(out, new String[] {" ", "\t", "\u2003", "x", "\u00A0", "\""}[r.nextInt(6)]);
                }
            }
            return;
        }
        for (int p = 0; p < pieces; p++) {
            String piece = PIECES[r.nextInt(PIECES.length)];
            if (piece.indexOf(delimiter) >= 0 || piece.contains("\n") || piece.contains("\r")) {
                piece = "q";
            }
            if (p == 0 && piece.startsWith("\"") && quoting) {
                piece = "z" + piece;
            }
            write(out, piece);
            if (r.nextInt(25) == 0) {
                out.writeBytes(BAD_BYTES[r.nextInt(BAD_BYTES.length)]);
            }
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static void assertSameEverywhere(byte[] input, ArticleFormat format, ColumnMapping mapping, String what) {
        for (ReadMode mode : ReadMode.values()) {
            ReferenceReader.Result expected = ReferenceReader.reference(input, format, mapping, mode);
            for (int threads : THREADS) {
                for (int chunk : CHUNKS) {
                    ReadOptions options = new ReadOptions(mode, RejectSink.NONE).withThreads(threads)
                            .withChunkBytes(chunk);
                    ReferenceReader.Result actual = ReferenceReader.chunked(input, format, mapping, options);
                    assertEquals(expected, actual, () -> what + ", " + mode + ", " + threads + " threads, chunks of "
                            + chunk + " bytes, input:\n" + new String(input, StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void csvReadsAsTheReferenceWhateverTheCut() {
        Random r = new Random(31);
        List<String> header = List.of("title", "text", "stance", "outlet");
        int accepted = 0;
        int rejected = 0;
        int broken = 0;
        for (int i = 0; i < 150; i++) {
            byte[] input = randomDelimited(r, ',', true, header);
            assertSameEverywhere(input, ArticleFormat.CSV, DELIMITED, "csv #" + i);
            ReferenceReader.Result lenient = ReferenceReader.reference(input, ArticleFormat.CSV, DELIMITED,
                    ReadMode.LENIENT);
            accepted += lenient.articles().size();
            rejected += lenient.rejects().size();
            broken += lenient.end().equals("ok") ? 0 : 1;
        }
        assertTrue(accepted > 300 && rejected > 100 && broken > 10 && broken < 100,
                "the inputs hold articles, faults and reads the parser cannot finish: " + accepted + ", " + rejected
                        + ", " + broken);
    }

    @Test
    void csvIdsAreTakenInInputOrderWhateverTheCut() {
        Random r = new Random(32);
        List<String> header = List.of("id", "text");
        for (int i = 0; i < 60; i++) {
            assertSameEverywhere(randomDelimited(r, ',', true, header), ArticleFormat.CSV, DELIMITED_IDS, "ids #" + i);
        }
    }

    @Test
    void tsvQuotedAndUnquotedReadAsTheReferenceWhateverTheCut() {
        Random r = new Random(33);
        List<String> header = List.of("title", "text", "stance", "outlet");
        for (int i = 0; i < 60; i++) {
            assertSameEverywhere(randomDelimited(r, '\t', true, header), ArticleFormat.TSV, DELIMITED, "tsv #" + i);
            assertSameEverywhere(randomDelimited(r, '\t', false, header), ArticleFormat.TSV_UNQUOTED, DELIMITED,
                    "tsv-unquoted #" + i);
        }
    }

    static byte[] randomJsonl(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = {
            "{\"id\":\"%d\",\"title\":\"T\",\"text\":\"body %d é\",\"stance\":\"left\"}",
            "{\"id\":\"%d\",\"text\":\"x\\n\\\"%d\\\"\",\"stance\":1}",
            "{\"id\":\"%d\",\"text\":%d,\"stance\":\"left\"}",
            "{\"id\":\"%d\",\"text\":\"\",\"stance\":\"left\",\"n\":%d}",
            "{\"id\":\"%d\",\"text\":\"a\",\"stance\":[%d]}",
            "{\"id\":\"%d\",\"body\":\"a %d\",\"stance\":\"right\"}",
            "[%d, %d]",
            "{\"id\":\"%d\",\"text\":\"unclosed %d\"",
            "   ",
            "",
            "\u2003",
            "{\"id\":\"%d\",\"text\":\"t%d\",\"stance\":\"center\"} {}",
            "{\"id\":\"%d\",\"text\":\"dup %d\",\"text\":\"y\",\"stance\":\"left\"}",
            "{\"id\":\"%d\",\"title\":null,\"text\":\"ok %d\",\"stance\":\"center\"}",
        };
        int n = 1 + r.nextInt(14);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(lines.length);
            write(out, String.format(lines[pick], r.nextInt(6), i));
            if (r.nextInt(20) == 0) {
                out.writeBytes(BAD_BYTES[r.nextInt(BAD_BYTES.length)]);
            }
            if (i < n - 1 || r.nextBoolean()) {
                write(out, new String[] {"\n", "\r\n", "\r"}[r.nextInt(3)]);
            }
        }
        return out.toByteArray();
    }

    @Test
    void jsonlReadsAsTheReferenceWhateverTheCut() {
        ColumnMapping mapping = ColumnMapping.builder().idColumn("id").titleColumn("title").textColumn("text")
                .label(LabelColumn.of("stance", "stance")).build();
        Random r = new Random(34);
        for (int i = 0; i < 150; i++) {
            assertSameEverywhere(randomJsonl(r), ArticleFormat.JSONL, mapping, "jsonl #" + i);
        }
    }

    @Test
    void recordsTooLongToHoldReadTheSameWhateverTheCut() {
        Random r = new Random(35);
        List<String> header = List.of("title", "text", "stance", "outlet");
        int tooLong = 0;
        for (int i = 0; i < 120; i++) {
            ArticleFormat format = i % 3 == 0 ? ArticleFormat.JSONL : i % 3 == 1 ? ArticleFormat.CSV
                    : ArticleFormat.TSV_UNQUOTED;
            byte[] input = format == ArticleFormat.JSONL ? randomJsonl(r)
                    : randomDelimited(r, format == ArticleFormat.CSV ? ',' : '\t', format == ArticleFormat.CSV, header);
            ColumnMapping mapping = format == ArticleFormat.JSONL ? ColumnMapping.builder().idColumn("id")
                    .textColumn("text").build() : DELIMITED;
            int max = 30 + r.nextInt(60);
            for (ReadMode mode : ReadMode.values()) {
                ReadOptions base = new ReadOptions(mode, RejectSink.NONE).withMaxRecordBytes(max);
                ReferenceReader.Result first = ReferenceReader.chunked(input, format, mapping,
                        base.withThreads(0).withChunkBytes(1 << 16));
                tooLong += first.rejects().stream().filter(x -> x.contains("TOO_LONG")).count();
                for (int threads : THREADS) {
                    for (int chunk : CHUNKS) {
                        ReferenceReader.Result actual = ReferenceReader.chunked(input, format, mapping,
                                base.withThreads(threads).withChunkBytes(chunk));
                        assertEquals(first, actual, () -> format + " #" + " max " + max + ", " + mode + ", " + threads
                                + " threads, chunks of " + chunk + ", input:\n"
                                + new String(input, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertTrue(tooLong > 50, "records too long were met: " + tooLong);
    }
}
