package dev.slant.inference.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.ArticleFormat;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleReaders;
import dev.slant.datasets.io.BadRecordException;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.CsvRejectSink;
import dev.slant.datasets.io.ReadMode;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.TextInput;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TestBundles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch scoring gives the same bytes, rejects and counts whatever the threads and the chunk size: chunks from 1
 * byte up put their ends everywhere (inside quoted fields that span lines, next to CR LF, in multi-byte
 * characters), are parsed and scored on any thread, and are written in input order.
 */
class BatchScorerTest {
    static SlantClassifier classifier;
    static byte[] input;
    static final ColumnMapping MAPPING = ColumnMapping.builder().idColumn("id").titleColumn("title")
            .textColumn("text").metadata(Article.OUTLET, "outlet").build();

    @TempDir
    Path dir;

    /** Synthetic articles as CSV, with multi-line bodies, quotes, CR LF and LF, a BOM and some bad records. */
    @BeforeAll
    static void setUp(@TempDir Path shared) throws Exception {
        classifier = SlantClassifier.load(TestBundles.write(shared.resolve("tiny.slant")));
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder("\uFEFF");
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.RFC4180)) {
            p.printRecord("id", "title", "text", "outlet");
            int i = 0;
            for (LabelledArticle a : Synthetic.articles(600, 3)) {
                String text = a.article().text();
                if (r.nextInt(4) == 0) {
                    text = text.replaceFirst(" ", "\n\"quoted\" ");
                }
                String id = r.nextInt(50) == 0 ? "dup" : a.id();
                if (r.nextInt(40) == 0) {
                    p.printRecord(id, a.article().title(), ""); // a missing column
                } else if (r.nextInt(40) == 0) {
                    p.printRecord(id, a.article().title(), "  ", "o"); // empty text
                } else {
                    p.printRecord(id, a.article().title(), text, "outlet" + (i % 7));
                }
                if (r.nextInt(30) == 0) {
                    sb.append("\n"); // a blank line
                }
                i++;
            }
        }
        String csv = sb.toString();
        // Half the records with LF, half with CR LF.
        int half = csv.length() / 2;
        input = (csv.substring(0, half).replace("\r\n", "\n") + csv.substring(half)).getBytes(StandardCharsets.UTF_8);
    }

    /** One run's predictions, rejects file and summary. */
    record Run(byte[] predictions, byte[] rejects, String summary) {
    }

    Run score(byte[] in, OutputFormat format, int threads, int chunk, boolean explain) throws IOException {
        Path file = Files.write(dir.resolve("in.csv"), in);
        Path out = dir.resolve("out-" + threads + "-" + chunk + "." + format.label());
        Path rejects = dir.resolve("rejects-" + threads + "-" + chunk + ".csv");
        ScoreSummary summary;
        try (CsvRejectSink sink = CsvRejectSink.open(rejects);
                ArticleReader reader = ArticleReaders.open(file, MAPPING,
                        new ReadOptions(ReadMode.LENIENT, sink).withChunkBytes(chunk))) {
            summary = new BatchScorer(classifier, new ScoreSettings(threads, true, explain ? 2 : 0, format))
                    .score(reader, out, ScoreProgress.NONE);
            sink.commit();
        }
        return new Run(Files.readAllBytes(out), Files.readAllBytes(rejects), summary.read() + " " + summary.scored()
                + " " + summary.abstentions());
    }

    @Test
    void theSameBytesWhateverTheThreadsAndTheChunkSize() throws IOException {
        for (OutputFormat format : OutputFormat.values()) {
            Run one = score(input, format, 1, 1 << 20, false);
            assertTrue(one.summary().contains("rejected (missing column"), one.summary());
            assertTrue(new String(one.rejects(), StandardCharsets.UTF_8).contains("DUPLICATE_ID"));
            for (int threads : new int[] {1, 2, 3}) {
                for (int chunk : new int[] {1, 7, 100, 997, 4096, 65536}) {
                    Run run = score(input, format, threads, chunk, false);
                    String what = format + ", " + threads + " threads, chunks of " + chunk;
                    assertArrayEquals(one.predictions(), run.predictions(), what);
                    assertArrayEquals(one.rejects(), run.rejects(), what);
                    assertEquals(one.summary(), run.summary(), what);
                }
            }
        }
    }

    @Test
    void explanationsToo() throws IOException {
        Run one = score(input, OutputFormat.JSONL, 1, 1 << 20, true);
        Run many = score(input, OutputFormat.JSONL, 3, 333, true);
        assertArrayEquals(one.predictions(), many.predictions());
    }

    @Test
    void theChunkedPathWritesWhatTheOneArticleAtATimePathWrites() throws IOException {
        Path file = Files.write(dir.resolve("in.csv"), input);
        ScoreSettings settings = new ScoreSettings(2, true, 0, OutputFormat.CSV);
        Path chunked = dir.resolve("chunked.csv");
        Path single = dir.resolve("single.csv");
        try (ArticleReader reader = ArticleReaders.open(file, MAPPING, ReadOptions.LENIENT)) {
            new BatchScorer(classifier, settings).score(reader, chunked, ScoreProgress.NONE);
        }
        try (ArticleReader reader = ArticleReaders.open(file, MAPPING, ReadOptions.LENIENT);
                PredictionWriter writer = PredictionWriter.open(single, OutputFormat.CSV,
                        new BatchScorer(classifier, settings).labels(), true, false)) {
            while (reader.hasNext()) {
                writer.write(classifier.classify(reader.next().article()), java.util.Map.of());
            }
            writer.commit();
        }
        assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(chunked));
    }

    @Test
    void gzipInputGivesTheSameBytes() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(input);
        }
        Run plain = score(input, OutputFormat.CSV, 2, 4096, false);
        Run zipped = score(gz.toByteArray(), OutputFormat.CSV, 2, 4096, false);
        assertArrayEquals(plain.predictions(), zipped.predictions());
    }

    @Test
    void aBadRecordInStrictModeStopsTheRunAndLeavesNoOutput() throws IOException {
        Path file = Files.write(dir.resolve("in.csv"), input);
        Path out = dir.resolve("strict.csv");
        for (int threads : new int[] {1, 3}) {
            try (ArticleReader reader = ArticleReaders.open(file, MAPPING,
                    ReadOptions.STRICT.withChunkBytes(100))) {
                BatchScorer scorer = new BatchScorer(classifier, new ScoreSettings(threads, false, 0,
                        OutputFormat.CSV));
                BadRecordException e = assertThrows(BadRecordException.class,
                        () -> scorer.score(reader, out, ScoreProgress.NONE));
                assertTrue(e.getMessage().startsWith(file + ": record "), e.getMessage());
            }
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void standardOutputGetsTheFilesBytes() throws IOException {
        Path file = Files.write(dir.resolve("in.csv"), input);
        Path out = dir.resolve("file.jsonl");
        ScoreSettings settings = new ScoreSettings(2, false, 0, OutputFormat.JSONL);
        BatchScorer scorer = new BatchScorer(classifier, settings);
        try (ArticleReader reader = ArticleReaders.open(file, MAPPING, ReadOptions.LENIENT)) {
            scorer.score(reader, out, ScoreProgress.NONE);
        }
        java.io.StringWriter stream = new java.io.StringWriter();
        try (ArticleReader reader = ArticleReaders.open(TextInput.of(Files.newInputStream(file), "-"),
                ArticleFormat.CSV, List.of(), MAPPING, ReadOptions.LENIENT);
                PredictionWriter writer = PredictionWriter.open((Writer) stream, OutputFormat.JSONL, scorer.labels(),
                        false, false)) {
            scorer.score(reader, writer, ScoreProgress.NONE);
            writer.commit();
        }
        assertEquals(Files.readString(out), stream.toString());
    }

    @Test
    void anIteratorThatIsNotChunkedIsScoredInBatches() throws IOException {
        List<LabelledArticle> articles = new ArrayList<>(Synthetic.articles(700, 4));
        ArticleReader plain = new ArticleReader() {
            int next;

            @Override
            public dev.slant.datasets.io.ReadReport report() {
                return new dev.slant.datasets.io.ReadReport();
            }

            @Override
            public boolean hasNext() {
                return next < articles.size();
            }

            @Override
            public LabelledArticle next() {
                return articles.get(next++);
            }

            @Override
            public void close() {
            }
        };
        Path out = dir.resolve("batches.csv");
        ScoreSummary s = new BatchScorer(classifier, new ScoreSettings(3, false, 0, OutputFormat.CSV))
                .score(plain, out, ScoreProgress.NONE);
        assertEquals(700, s.scored());
        List<String> lines = Files.readAllLines(out);
        assertEquals(701, lines.size());
        for (int i = 0; i < 700; i++) {
            assertTrue(lines.get(i + 1).startsWith(articles.get(i).id() + ","), "input order");
        }
    }
}
