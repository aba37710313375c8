package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimitedArticleReaderTest {

    private static final ColumnMapping MULTILINE = ColumnMapping.builder()
            .idColumn("id").titleColumn("title").textColumn("text").label("stance", "stance")
            .metadata(Article.OUTLET, "outlet").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        bad/missing-column.csv     | 1,3   | missing-column.csv: record 2 (line 3), column 'stance': missing column: the record has 3 of 4 fields
        bad/extra-field.csv        | 1,3   | extra-field.csv: record 2 (line 3): malformed record: the record has 5 fields, the header 4
        bad/unknown-label.csv      | 1,3   | unknown-label.csv: record 2 (line 3), column 'stance': unknown label: 'centre' is not a stance label (left, center, right)
        bad/empty-label.csv        | 1,3   | empty-label.csv: record 2 (line 3), column 'stance': empty label: no stance label
        bad/empty-text.csv         | 1,2,4 | empty-text.csv: record 3 (line 5), column 'text': empty text
        bad/invalid-utf8.csv       | 1,3   | invalid-utf8.csv: record 2 (line 3), column 'text': invalid UTF-8: bytes that are not UTF-8 at character 5 of the field
        bad/duplicate-id.csv       | a,b,c | duplicate-id.csv: record 3 (line 4), column 'id': duplicate id: 'a' is also the id of record 1
        bad/empty-id.csv           | 1,3   | empty-id.csv: record 2 (line 3), column 'id': malformed record: empty id
        """)
    void strictStopsAtTheBadRecordAndLenientSkipsIt(String fixture, String lenientIds, String message)
            throws IOException {
        BadRecordException e = assertThrows(BadRecordException.class,
                () -> Fixtures.ids(Fixtures.open(fixture, ArticleFormat.CSV, Fixtures.STANCE, ReadOptions.STRICT)));
        assertEquals(message, e.getMessage());

        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        ArticleReader reader = Fixtures.open(fixture, ArticleFormat.CSV, Fixtures.STANCE, sink.lenient());
        assertEquals(List.of(lenientIds.split(",")), Fixtures.ids(reader));
        assertEquals(List.of(message), sink.messages());
        ReadReport report = reader.report();
        assertEquals(lenientIds.split(",").length, report.accepted());
        assertEquals(1, report.rejectedTotal());
        assertEquals(Map.of(e.problem().reason(), 1L), report.rejected());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        bad/stray-quote.csv        | stray-quote.csv: record 2 (line 3), column 'text': malformed record: 't' after a closing quote, on line 3 (only a delimiter or a line break may follow it; a quote inside a quoted field is written twice); the rest of the file cannot be read
        """)
    void aFaultTheParserCannotReadPastFailsEvenLeniently(String fixture, String message) throws IOException {
        BadRecordException strict = assertThrows(BadRecordException.class,
                () -> Fixtures.ids(Fixtures.open(fixture, ArticleFormat.CSV, Fixtures.STANCE, ReadOptions.STRICT)));
        assertEquals(message, strict.getMessage());

        // Skipping the record would lose the records after it uncounted: lenient reading fails too, once the
        // record before is handed on and the bad one is counted and sent to the reject sink.
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        ArticleReader reader = Fixtures.open(fixture, ArticleFormat.CSV, Fixtures.STANCE, sink.lenient());
        assertEquals("1", reader.next().id());
        BadRecordException lenient = assertThrows(BadRecordException.class, reader::hasNext);
        assertEquals(message, lenient.getMessage());
        assertEquals(List.of(message), sink.messages());
        assertEquals(1, reader.report().accepted());
        assertEquals(Map.of(strict.problem().reason(), 1L), reader.report().rejected());
        assertFalse(reader.hasNext(), "the read has ended");
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsTheLastRecordsFaultAndALongOneFailsTheRead() throws IOException {
        String message = "unterminated-quote.csv: record 2 (line 3), column 'text': unterminated quote: a quoted field "
                + "is still open at the end of the input (cut short?)";
        BadRecordException strict = assertThrows(BadRecordException.class, () -> Fixtures.ids(Fixtures.open(
                "bad/unterminated-quote.csv", ArticleFormat.CSV, Fixtures.STANCE, ReadOptions.STRICT)));
        assertEquals(message, strict.getMessage());
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        ArticleReader reader = Fixtures.open("bad/unterminated-quote.csv", ArticleFormat.CSV, Fixtures.STANCE,
                sink.lenient());
        assertEquals(List.of("1"), Fixtures.ids(reader), "the records before it are read, and the read ends well");
        assertEquals(List.of(message), sink.messages());
        assertEquals(Map.of(RecordProblem.Reason.UNTERMINATED_QUOTE, 1L), reader.report().rejected());

        // Longer than the longest record read: a stray quote that swallowed the rest of the file.
        Fixtures.CollectingSink small = new Fixtures.CollectingSink();
        ArticleReader limited = Fixtures.open("bad/unterminated-quote.csv", ArticleFormat.CSV, Fixtures.STANCE,
                small.lenient().withMaxRecordBytes(30));
        BadRecordException swallowed = assertThrows(BadRecordException.class, () -> Fixtures.ids(limited));
        assertEquals(RecordProblem.Reason.UNTERMINATED_QUOTE, swallowed.problem().reason());
        assertTrue(swallowed.getMessage().contains("more than the limit of 30 bytes: a stray quote? nothing from "
                + "line 3 on can be read"), swallowed.getMessage());
    }

    @Test
    void anUnterminatedQuoteNamesTheColumnWhereItOpened() {
        BadRecordException e = assertThrows(BadRecordException.class, () -> Fixtures.ids(
                Fixtures.open("bad/unterminated-quote.csv", ArticleFormat.CSV, Fixtures.STANCE, ReadOptions.STRICT)));
        assertEquals(RecordProblem.Reason.UNTERMINATED_QUOTE, e.problem().reason());
        assertEquals("text", e.problem().column());
        assertEquals(2, e.problem().recordNumber());
        assertEquals(3, e.problem().line());
    }

    @Test
    void quotedMultiLineFieldsKeepLineNumbersOfLaterRecordsExact() throws IOException {
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        List<LabelledArticle> articles = Fixtures.all(
                Fixtures.open("multiline.csv", ArticleFormat.CSV, MULTILINE, sink.lenient()));
        assertEquals(List.of("multiline.csv: record 4 (line 9), column 'text': empty text"), sink.messages());
        assertEquals(List.of(List.of("a4", "Fourth", "", "left", "NPR")), sink.raws);
        assertEquals(List.of("a1", "a2", "a3", "a5"), articles.stream().map(LabelledArticle::id).toList());
        Article first = articles.get(0).article();
        assertEquals("Line one\r\nline two\r\nline three", first.text());
        assertEquals(Map.of(Article.OUTLET, "CNN"), first.metadata());
        assertEquals("He said \"hi\".", articles.get(1).article().text());
        assertEquals("Second, with comma", articles.get(1).article().title());
        assertEquals("LF only\ninside", articles.get(2).article().text());
        assertEquals(Map.of(), articles.get(2).article().metadata(), "an empty metadata value is left out");
        assertEquals("center", articles.get(2).labels().get("stance").orElseThrow());
    }

    @Test
    void skipsTheUtf8ByteOrderMark() throws IOException {
        List<LabelledArticle> articles = Fixtures.all(
                Fixtures.open("bom.csv", ArticleFormat.CSV, Fixtures.STANCE, ReadOptions.STRICT));
        assertEquals(List.of("1", "2"), articles.stream().map(LabelledArticle::id).toList());
    }

    @Test
    void validNoncharactersAreNotTakenForInvalidUtf8() throws IOException {
        ArticleReader reader = Fixtures.open("bad/invalid-utf8.csv", ArticleFormat.CSV, Fixtures.STANCE,
                ReadOptions.LENIENT);
        assertEquals("ok \uFFFF and \uDBFF\uDFFF are valid", reader.next().article().text());
        reader.close();
    }

    @Test
    void readsGzipByItsContentWhateverTheName(@TempDir Path dir) throws IOException {
        Path plain = Fixtures.path("multiline.csv");
        for (String name : List.of("articles.csv.gz", "no-gz-suffix.csv")) {
            Path gz = dir.resolve(name);
            try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write(Files.readAllBytes(plain));
            }
            ArticleReader reader = ArticleReaders.open(gz, MULTILINE, ReadOptions.LENIENT);
            assertEquals(List.of("a1", "a2", "a3", "a5"), Fixtures.ids(reader));
            assertEquals(Files.size(plain), reader.report().bytes(), "bytes counts decompressed input");
        }
    }

    @Test
    void readsQuotedTsv() throws IOException {
        List<LabelledArticle> articles = Fixtures.all(
                Fixtures.open("articles.tsv", ArticleFormat.TSV, Fixtures.STANCE, ReadOptions.STRICT));
        assertEquals("a tab\there and\na newline", articles.get(0).article().text());
        assertEquals("says \"quoted\"", articles.get(1).article().text());
    }

    @Test
    void readsUnquotedTsvWithGivenColumnNames() throws IOException {
        ColumnMapping liar = ColumnMapping.builder().idColumn("id").textColumn("statement")
                .label(LabelColumn.of("truth", "label")
                        .withAllowed("true", "mostly-true", "half-true", "barely-true", "false", "pants-fire"))
                .label(LabelColumn.of("subjects", "subjects").withSeparator(","))
                .metadata("speaker", "speaker")
                .build();
        Path file = Fixtures.path("liar-like.tsv");
        List<LabelledArticle> articles = Fixtures.all(ArticleReaders.open(file, ArticleFormat.TSV_UNQUOTED,
                List.of("id", "label", "statement", "subjects", "speaker"), liar, ReadOptions.STRICT));
        assertEquals(3, articles.size());
        assertEquals("Says the \"group supports abortions.", articles.get(0).article().text());
        assertEquals(List.of("energy", "history", "job-accomplishments"), articles.get(1).labels().all("subjects"));
        assertEquals(List.of("foreign-policy"), articles.get(2).labels().all("subjects"),
                "parts are trimmed and empty parts dropped");
        assertEquals("pants-fire", articles.get(2).labels().get("truth").orElseThrow());
        assertEquals("barack-obama", articles.get(2).article().meta("speaker").orElseThrow());
    }

    @Test
    void withoutAnIdColumnTheRecordNumberIsTheId() throws IOException {
        ColumnMapping noId = ColumnMapping.builder().textColumn("text").build();
        assertEquals(List.of("1", "2", "3", "4"),
                Fixtures.ids(Fixtures.open("bad/duplicate-id.csv", ArticleFormat.CSV, noId, ReadOptions.STRICT)));
    }

    @Test
    void valueMapAndConstantLabels() throws IOException {
        ColumnMapping mapped = ColumnMapping.builder().idColumn("id").textColumn("text")
                .label(LabelColumn.of("stance", "stance").withValueMap(Map.of("left", "L", "right", "R")))
                .constantLabel("veracity", "true")
                .build();
        List<LabelledArticle> articles = Fixtures.all(
                Fixtures.open("bad/duplicate-id.csv", ArticleFormat.CSV, mapped, ReadOptions.LENIENT));
        assertEquals(Map.of("stance", List.of("L"), "veracity", List.of("true")), articles.get(0).labels().byTarget());
        assertEquals(List.of("center"), articles.get(2).labels().all("stance"), "a value without an entry is kept");
    }

    @Test
    void aMappedColumnMissingFromTheHeaderFailsAtOpenInBothModes() {
        for (ReadOptions options : List.of(ReadOptions.STRICT, ReadOptions.LENIENT)) {
            BadRecordException e = assertThrows(BadRecordException.class, () -> Fixtures.open(
                    "missing-mapped-column.csv", ArticleFormat.CSV, Fixtures.STANCE, options));
            assertEquals("missing-mapped-column.csv: header (line 1), column 'title': missing column: no such column"
                    + " in the header ('id', 'headline', 'text', 'stance')", e.getMessage());
        }
    }

    @Test
    void aMappedColumnNamedTwiceInTheHeaderFailsAtOpen() {
        BadRecordException e = assertThrows(BadRecordException.class, () -> Fixtures.open(
                "twice-named-column.csv", ArticleFormat.CSV, Fixtures.STANCE, ReadOptions.LENIENT));
        assertEquals("twice-named-column.csv: header (line 1), column 'text': malformed record: the column is named"
                + " twice (columns 3 and 5)", e.getMessage());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        BadRecordException e = assertThrows(BadRecordException.class, () -> Fixtures.open(
                "empty.csv", ArticleFormat.CSV, Fixtures.STANCE, ReadOptions.LENIENT));
        assertEquals("empty.csv: header (line 1): malformed record: the file is empty: no header row", e.getMessage());
    }

    @Test
    void aMappedColumnNotAmongGivenNamesIsACallerError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleReaders.open(
                Fixtures.path("liar-like.tsv"), ArticleFormat.TSV_UNQUOTED, List.of("id", "label", "statement"),
                Fixtures.STANCE, ReadOptions.STRICT));
        assertEquals("column 'title' is not among the column names given ('id', 'label', 'statement')",
                e.getMessage());
    }

    @Test
    void iteratorProtocol() throws IOException {
        try (ArticleReader reader = Fixtures.open("bom.csv", ArticleFormat.CSV, Fixtures.STANCE,
                ReadOptions.STRICT)) {
            assertTrue(reader.hasNext());
            assertTrue(reader.hasNext(), "hasNext does not consume");
            assertEquals("1", reader.next().id());
            assertEquals("2", reader.next().id());
            assertFalse(reader.hasNext());
            assertThrows(java.util.NoSuchElementException.class, reader::next);
            assertEquals(2, reader.report().records());
        }
    }
}
