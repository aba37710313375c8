package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleWriterTest {
    private static final ArticleLayout LAYOUT = new ArticleLayout(List.of(Article.OUTLET, Article.DATE),
            List.of("stance", "subjects"));

    private static final List<LabelledArticle> ARTICLES = List.of(
            new LabelledArticle(new Article("a1", "Title, with comma", "Line one\r\nline \"two\"",
                    Map.of(Article.OUTLET, "CNN", Article.URL, "not in the layout")),
                    new Labels(Map.of("stance", List.of("left"), "subjects", List.of("energy", "history")))),
            new LabelledArticle(new Article("a2", "", "é ✓ \uD83D\uDE00", Map.of(Article.DATE, "2020-01-02")),
                    Labels.NONE));

    private static void write(Path target) throws IOException {
        try (ArticleWriter writer = ArticleWriters.open(target, LAYOUT)) {
            for (LabelledArticle a : ARTICLES) {
                writer.write(a);
            }
            assertEquals(2, writer.written());
            writer.commit();
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void csvIsRfc4180WithTheLayoutsColumns(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        write(target);
        assertEquals("id,title,text,outlet,date,stance,subjects\r\n"
                + "a1,\"Title, with comma\",\"Line one\r\nline \"\"two\"\"\",CNN,,left,energy|history\r\n"
                + "a2,,é ✓ \uD83D\uDE00,,2020-01-02,,\r\n", Files.readString(target));
    }

    @Test
    void jsonlIsOneObjectPerLine(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.jsonl.gz");
        write(target);
        assertEquals("{\"id\":\"a1\",\"title\":\"Title, with comma\",\"text\":\"Line one\\r\\nline \\\"two\\\"\","
                + "\"outlet\":\"CNN\",\"date\":\"\",\"stance\":\"left\",\"subjects\":\"energy|history\"}\n"
                + "{\"id\":\"a2\",\"title\":\"\",\"text\":\"é ✓ \uD83D\uDE00\",\"outlet\":\"\",\"date\":\"2020-01-02\","
                + "\"stance\":\"\",\"subjects\":\"\"}\n", gunzip(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"out.csv", "out.csv.gz", "out.jsonl", "out.ndjson.gz"})
    void readsBackTheSameArticles(String name, @TempDir Path dir) throws IOException {
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        Path target = dir.resolve(name);
        write(target);
        List<LabelledArticle> back = Fixtures.all(ArticleReaders.open(target, LAYOUT.readingMapping(),
                sink.lenient()));
        assertEquals(1, back.size());
        LabelledArticle first = back.get(0);
        assertEquals(new Article("a1", "Title, with comma", "Line one\r\nline \"two\"", Map.of(Article.OUTLET, "CNN")),
                first.article(), "metadata outside the layout is not written");
        assertEquals(ARTICLES.get(0).labels(), first.labels());
        assertEquals(List.of(RecordProblem.Reason.EMPTY_LABEL), sink.problems.stream()
                .map(RecordProblem::reason).toList(), "the unlabelled article is written with empty labels");
    }

    @Test
    void aLabelHoldingTheSeparatorIsRefusedAndNothingIsLeft(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        LabelledArticle bad = new LabelledArticle(Article.of("x", "", "text"),
                new Labels(Map.of("stance", List.of("left|right"))));
        IllegalArgumentException e;
        try (ArticleWriter writer = ArticleWriters.open(target, LAYOUT)) {
            e = assertThrows(IllegalArgumentException.class, () -> writer.write(bad));
        }
        assertEquals("article 'x': stance label 'left|right' contains the label separator '|'", e.getMessage());
        assertEquals(List.of(), Files.list(dir).toList());
    }

    @Test
    void layoutValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArticleLayout(List.of("text"), List.of()));
        assertEquals("column 'text' would be written twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ArticleLayout(List.of("topic"), List.of("topic")));
        assertEquals("column 'topic' would be written twice", e.getMessage());
        ColumnMapping mapping = ColumnMapping.builder().idColumn("ID").textColumn("content")
                .label("stance", "bias").metadata(Article.OUTLET, "source").constantLabel("veracity", "true").build();
        assertEquals(new ArticleLayout(List.of(Article.OUTLET), List.of("stance", "veracity")),
                ArticleLayout.of(mapping));
    }

    @Test
    void tsvHasNoWriter(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArticleWriters.open(dir.resolve("x.tsv"), LAYOUT));
        assertEquals("cannot write tsv (" + dir.resolve("x.tsv") + "): articles are written as .csv or .jsonl,"
                + " optionally .gz", e.getMessage());
    }
}
