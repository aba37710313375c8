package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.RealData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reads the real corpora (skipped without them, failing under CI=true) with the readers alone. */
class ArticleBiasReadTest {

    @Test
    void readsTheWholeArticleBiasCsvWithNoReject() throws IOException {
        Path file = RealData.require("article-bias").resolve("articles.csv.gz");
        ColumnMapping mapping = Fixtures.ARTICLE_BIAS;
        Map<String, Integer> stances = new TreeMap<>();
        LabelledArticle first = null;
        ReadReport report;
        try (ArticleReader reader = ArticleReaders.open(file, mapping, ReadOptions.STRICT)) {
            while (reader.hasNext()) {
                LabelledArticle a = reader.next();
                if (first == null) {
                    first = a;
                }
                stances.merge(a.labels().get("stance").orElseThrow(), 1, Integer::sum);
            }
            report = reader.report();
        }
        assertEquals(37_554, report.records());
        assertEquals(37_554, report.accepted());
        assertEquals(0, report.rejectedTotal());
        assertEquals(Map.of("center", 10_815, "left", 13_005, "right", 13_734), stances);
        assertEquals("004Gt3gcsotuiYmz", first.id());
        assertEquals(Map.of(Article.OUTLET, "New York Times - News", Article.HOST, "www.nytimes.com",
                Article.DATE, "2016-09-20", Article.URL, first.article().meta(Article.URL).orElseThrow()),
                first.article().metadata());
        assertEquals("terrorism", first.labels().get("topic").orElseThrow());
    }

    @Test
    void readsLiarTrainAsUnquotedTsvWithGivenColumns() throws IOException {
        Path file = RealData.require("liar").resolve("train.tsv");
        List<String> columns = List.of("id", "label", "statement", "subjects", "speaker", "job", "state", "party",
                "barely_true", "false", "half_true", "mostly_true", "pants_on_fire", "context");
        ColumnMapping mapping = ColumnMapping.builder().idColumn("id").textColumn("statement")
                .label(LabelColumn.of("truth", "label")
                        .withAllowed("true", "mostly-true", "half-true", "barely-true", "false", "pants-fire"))
                .metadata("party", "party")
                .build();
        Fixtures.CollectingSink sink = new Fixtures.CollectingSink();
        ReadReport report;
        try (ArticleReader reader = ArticleReaders.open(file, ArticleFormat.TSV_UNQUOTED, columns, mapping,
                sink.lenient())) {
            report = reader.forEachRemainingArticle(a -> { });
        }
        assertEquals(List.of(), sink.messages());
        assertEquals(10_269, report.accepted());
    }
}
