package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonlArticleReaderTest {
    private static final ColumnMapping MAPPING = ColumnMapping.builder()
            .idColumn("id").titleColumn("title").textColumn("text")
            .label(LabelColumn.of("stance", "stance").withAllowed("left", "center", "right")
                    .withValueMap(Map.of("0", "left", "1", "center", "2", "right")))
            .metadata(Article.OUTLET, "outlet")
            .build();

    @Test
    void lenientSkipsEachBadLineWithItsLineNumber() throws IOException {
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        ArticleReader reader = Fixtures.open("articles.jsonl", ArticleFormat.JSONL, MAPPING, sink.lenient());
        List<LabelledArticle> articles = Fixtures.all(reader);
        assertEquals(List.of("j1", "j2", "j11"), articles.stream().map(LabelledArticle::id).toList());
        assertEquals(List.of(
                "articles.jsonl: record 3 (line 4): malformed record: at character 48: Unexpected end-of-input:"
                        + " expected close marker for Object",
                "articles.jsonl: record 4 (line 5): malformed record: the line is not a JSON object",
                "articles.jsonl: record 5 (line 6), column 'stance': malformed record: an array where text was expected",
                "articles.jsonl: record 6 (line 7): malformed record: at character 38: Duplicate field 'text'",
                "articles.jsonl: record 7 (line 8), column 'text': missing column: the record has no such field",
                "articles.jsonl: record 8 (line 9): malformed record: more than one JSON value on the line",
                "articles.jsonl: record 9 (line 10), column 'text': empty text"), sink.messages());
        assertEquals(List.of("{\"id\":\"j3\",\"text\":\"body three\",\"stance\":\"right\""), sink.raws.get(0),
                "the raw record of a JSONL line is the line");
        ReadReport report = reader.report();
        assertEquals(10, report.records());
        assertEquals(3, report.accepted());
        assertEquals(Map.of(RecordProblem.Reason.MALFORMED, 5L, RecordProblem.Reason.MISSING_COLUMN, 1L,
                RecordProblem.Reason.EMPTY_TEXT, 1L), report.rejected());

        assertEquals(new Article("j1", "T1", "body one", Map.of()), articles.get(0).article());
        assertEquals(new Article("j2", "", "body two", Map.of()), articles.get(1).article(),
                "a null title reads as empty");
        assertEquals(List.of("left"), articles.get(1).labels().all("stance"), "number 0 through the value map");
        assertEquals(new Article("j11", "", "body eleven", Map.of(Article.OUTLET, "Fox")),
                articles.get(2).article(), "an absent title reads as empty");
        assertEquals(List.of("right"), articles.get(2).labels().all("stance"));
    }

    @Test
    void strictStopsAtTheFirstBadLine() {
        BadRecordException e = assertThrows(BadRecordException.class, () -> Fixtures.ids(
                Fixtures.open("articles.jsonl", ArticleFormat.JSONL, MAPPING, ReadOptions.STRICT)));
        assertEquals(4, e.problem().line());
        assertEquals(RecordProblem.Reason.MALFORMED, e.problem().reason());
        assertEquals(com.fasterxml.jackson.core.io.JsonEOFException.class, e.getCause().getClass());
    }
}
