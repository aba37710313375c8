package dev.slant.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.Article;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.TextInput;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.serve.archive.ArchiveTally;
import dev.slant.serve.archive.ScoredFile;
import dev.slant.serve.archive.ScoredRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The page's archive API over loopback: uploads scored as the library scores, the operator's archive, refusals. */
@Timeout(120)
class ArchiveApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] OUTLETS = {"Example Daily", "The Sample Post", "Northern <Ledger>"};
    static final String PAYLOAD = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";

    static SlantClassifier slant;
    static SlantServer server;
    static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        java.util.logging.Logger.getLogger("org.eclipse.jetty").setLevel(java.util.logging.Level.WARNING);
        slant = TinyModel.classifier();
        server = SlantServer.start(slant, ServeSettings.defaults().withAddress("127.0.0.1", 0).withThreads(2)
                .withLimits(256 * 1024, 50), TinyModel.CARD);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One uploaded row: what the file says and what the library predicts for it. */
    record Row(String id, String title, String text, String outlet, String date) {
        Article article() {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(Article.OUTLET, outlet);
            meta.put(Article.DATE, date);
            return new Article(id, title, text, meta);
        }
    }

    /** 40 articles over three outlets and three months; row 7's title is markup, row 9's a formula. */
    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        List<Article> unseen = TinyModel.unseen();
        for (int i = 0; i < 40; i++) {
            Article a = unseen.get(i);
            String title = i == 7 ? PAYLOAD : i == 9 ? "=HYPERLINK(\"http://x\",\"y\")" : a.title();
            out.add(new Row("r" + i, title, a.text(), OUTLETS[i % 3], "2020-0" + (1 + i % 3) + "-1" + (i % 9)));
        }
        return out;
    }

    static String csv(List<Row> rows, String textColumn, String outletColumn, boolean emptyText) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("id", "title", textColumn, outletColumn, "date");
            for (Row r : rows) {
                p.printRecord(r.id(), r.title(), r.text(), r.outlet(), r.date());
            }
            if (emptyText) {
                p.printRecord("empty", "No text", "", OUTLETS[0], "2020-01-01");
            }
        }
        return w.toString();
    }

    static HttpResponse<String> upload(String query, String type, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("/v1/archives" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The counts the charts must show: per group of a dimension, per label (or abstained) of a target. */
    static Map<String, Map<String, Long>> expected(List<Row> rows, String target, String dimension) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Prediction p = slant.classify(r.article());
            TargetPrediction t = p.target(target);
            String group = switch (dimension) {
                case "outlet" -> r.outlet();
                case "month" -> r.date().substring(0, 7);
                case "all" -> "all articles";
                default -> label(p.target(dimension));
            };
            out.computeIfAbsent(group, k -> new LinkedHashMap<>()).merge(label(t), 1L, Long::sum);
        }
        return out;
    }

    static String label(TargetPrediction t) {
        return t.abstained() ? ArchiveTally.ABSTAINED : t.label();
    }

    /** The counts a chart's JSON gives, in the same shape. */
    static Map<String, Map<String, Long>> shown(JsonNode chart) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (JsonNode g : chart.get("groups")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int c = 0; c < chart.get("categories").size(); c++) {
                long n = g.get("counts").get(c).longValue();
                if (n > 0) {
                    counts.put(chart.get("categories").get(c).get("key").textValue(), n);
                }
            }
            out.put(g.get("name").textValue(), counts);
        }
        return out;
    }

    @Test
    void anUploadedCsvIsScoredReadAndChartedAsTheLibraryScoresIt() throws Exception {
        List<Row> rows = rows();
        HttpResponse<String> r = upload("?name=news.csv", "text/csv", csv(rows, "text", "outlet", true).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode summary = JSON.readTree(r.body());
        String id = summary.get("id").textValue();
        assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
        assertEquals("upload", summary.get("source").textValue());
        assertEquals(40, summary.get("articles").intValue());
        assertEquals(41, summary.at("/read/records").intValue());
        assertEquals(1, summary.at("/read/rejected/empty text").intValue());
        assertEquals(List.of("all", "outlet", "month", "stance", "topic"), strings(summary.get("dimensions")));
        assertEquals(40, summary.get("dated").intValue());

        for (String target : slant.targets()) {
            for (String by : List.of("all", "outlet", "month", target.equals("stance") ? "topic" : "stance")) {
                JsonNode chart = JSON.readTree(get("/v1/archives/" + id + "/chart?format=json&target=" + target + "&by=" + by).body());
                assertEquals(expected(rows, target, by), shown(chart), target + " by " + by);
                String svg = get("/v1/archives/" + id + "/chart?target=" + target + "&by=" + by + "&width=400").body();
                assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
                assertFalse(svg.contains("<script") || svg.contains("<Ledger>"), "text in the chart is escaped");
            }
        }

        // The table: 40 rows, 3 pages of 15; sorted by stance's probability, largest first.
        JsonNode page = JSON.readTree(get("/v1/archives/" + id + "/rows?size=15&sort=stance_probability&order=desc").body());
        assertEquals(40, page.get("total").intValue());
        assertEquals(3, page.get("pages").intValue());
        double max = rows.stream().mapToDouble(x -> {
            TargetPrediction t = slant.classify(x.article()).target("stance");
            return t.abstained() ? -1 : t.probability();
        }).max().orElseThrow();
        assertEquals(max, page.at("/rows/0/stance/probability").doubleValue(), 0.0);
        JsonNode last = JSON.readTree(get("/v1/archives/" + id + "/rows?size=15&page=2").body());
        assertEquals(10, last.get("rows").size());
        assertEquals("r39", last.at("/rows/9/id").textValue());
        JsonNode first = JSON.readTree(get("/v1/archives/" + id + "/rows?sort=number").body());
        assertEquals(PAYLOAD, first.at("/rows/7/title").textValue(), "titles are data, sent as they were");

        // The download: every row with its predictions, the formula defused.
        HttpResponse<String> scored = get("/v1/archives/" + id + "/scored");
        assertEquals(200, scored.statusCode());
        assertEquals("attachment; filename=\"news-scored.csv\"", scored.headers().firstValue("Content-Disposition").orElseThrow());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(scored.body())).getRecords();
        assertEquals(40, records.size());
        for (int i = 0; i < rows.size(); i++) {
            Prediction p = slant.classify(rows.get(i).article());
            for (TargetPrediction t : p.targets()) {
                assertEquals(t.abstained() ? "" : t.label(), records.get(i).get(t.target()));
                if (!t.abstained()) {
                    assertEquals(t.probability(), Double.parseDouble(records.get(i).get(t.target() + "_probability")), 0.0);
                }
            }
        }
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", records.get(9).get("title"));
    }

    @Test
    void jsonLinesGzipAndUsualColumnNamesAreFound() throws Exception {
        List<Row> rows = rows().subList(0, 12);
        // article-bias's own column names: content_original for the text, source for the outlet.
        byte[] csv = csv(rows, "content_original", "source", false).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(csv);
        }
        JsonNode a = JSON.readTree(upload("?name=news.csv.gz", "application/gzip", gz.toByteArray()).body());
        assertEquals(12, a.get("articles").intValue());
        assertEquals("outlet", a.get("outletColumn").textValue());
        StringBuilder jsonl = new StringBuilder();
        for (Row r : rows) {
            jsonl.append(JSON.writeValueAsString(Map.of("id", r.id(), "title", r.title(), "body", r.text(), "publisher", r.outlet(),
                    "published", r.date()))).append('\n');
        }
        HttpResponse<String> b = upload("?name=news.jsonl", "application/x-ndjson", jsonl.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, b.statusCode(), b.body());
        JsonNode bj = JSON.readTree(b.body());
        JsonNode chart = JSON.readTree(get("/v1/archives/" + bj.get("id").textValue() + "/chart?format=json&target=stance&by=outlet").body());
        assertEquals(expected(rows, "stance", "outlet"), shown(chart));
        // Explicit columns win.
        HttpResponse<String> c = upload("?name=x.csv&text=content_original&outlet=source&date=date", "text/csv", csv);
        assertEquals(200, c.statusCode(), c.body());
    }

    @Test
    void badUploadsAreRefusedWithTheReason() throws Exception {
        byte[] csv = csv(rows().subList(0, 3), "body_text", "outlet", false).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = upload("?name=odd.csv", "text/csv", csv);
        SlantServerTest.assertError(r, 400, "odd.csv has no text column");
        assertTrue(r.body().contains("body_text"), r.body());
        assertEquals(200, upload("?name=odd.csv&text=body_text", "text/csv", csv).statusCode());
        // A type a form of another site could send is refused (no upload by cross-site request).
        SlantServerTest.assertError(upload("?name=a.csv", "text/plain", csv), 415, "text/plain is not supported");
        SlantServerTest.assertError(upload("?name=a.csv", "multipart/form-data; boundary=x", csv), 415, "not supported");
        SlantServerTest.assertError(upload("?name=a.csv", null, csv), 415, "no Content-Type");
        SlantServerTest.assertError(upload("?name=big.csv", "text/csv", new byte[300 * 1024]), 413, "exceeds the limit of 262144 bytes");
        SlantServerTest.assertError(upload("?name=a.csv&colour=red", "text/csv", csv), 400, "unknown query parameter 'colour'");
        SlantServerTest.assertError(upload("?name=a.csv", "text/csv", "id,text\n1,\"open".getBytes(StandardCharsets.UTF_8)), 400,
                "a.csv");
        SlantServerTest.assertError(get("/v1/archives/AAAAAAAAAAAAAAAAAAAAAA"), 404, "no archive");
        SlantServerTest.assertError(get("/v1/archives/../v1/model"), 404, "no such path");
        SlantServerTest.assertError(get("/v1/archives/a.b"), 404, "no such path");
        // The list never shows uploads.
        assertEquals(0, JSON.readTree(get("/v1/archives").body()).get("archives").size());
    }

    @Test
    void theOperatorsArchiveIsShownToEveryone(@TempDir Path dir) throws Exception {
        List<Row> rows = rows();
        JsonNode up = JSON.readTree(upload("?name=news.csv", "text/csv", csv(rows, "text", "outlet", false).getBytes(StandardCharsets.UTF_8)).body());
        byte[] scored = get("/v1/archives/" + up.get("id").textValue() + "/scored").body().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("scored.csv");
        Files.write(file, scored);
        try (SlantServer own = SlantServer.start(slant, ServeSettings.defaults().withAddress("127.0.0.1", 0).withThreads(1), "", file)) {
            URI base = own.uri();
            JsonNode list = JSON.readTree(client.send(HttpRequest.newBuilder(base.resolve("/v1/archives")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode summary = list.get("archives").get(0);
            assertEquals("operator", summary.get("id").textValue());
            assertEquals("scored.csv", summary.get("name").textValue());
            assertEquals(40, summary.get("articles").intValue());
            JsonNode chart = JSON.readTree(client.send(HttpRequest.newBuilder(base.resolve(
                    "/v1/archives/operator/chart?format=json&target=stance&by=outlet")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(expected(rows, "stance", "outlet"), shown(chart));
            HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(base.resolve("/v1/archives/operator/scored")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(scored, download.body(), "the operator's own file, streamed");
            assertEquals("attachment; filename=\"scored.csv\"", download.headers().firstValue("Content-Disposition").orElseThrow());
        }
    }

    @Test
    void scoredFilesAreReadAsSlantScoreWritesThem(@TempDir Path dir) throws Exception {
        List<Article> articles = TinyModel.unseen().subList(0, 30);
        for (dev.slant.inference.batch.OutputFormat format : dev.slant.inference.batch.OutputFormat.values()) {
            Path out = dir.resolve("p." + format.label());
            var settings = new dev.slant.inference.batch.ScoreSettings(1, true, 0, format);
            try (var reader = new ListReader(articles)) {
                new dev.slant.inference.batch.BatchScorer(slant, settings).score(reader, out, dev.slant.inference.batch.ScoreProgress.NONE);
            }
            try (ScoredFile in = ScoredFile.open(out, ScoredFile.Columns.DEFAULT)) {
                assertEquals(slant.targets(), in.targets());
                assertNull(in.outletColumn());
                for (Article a : articles) {
                    ScoredRow row = in.next();
                    Prediction p = slant.classify(a);
                    assertEquals(a.id(), row.id());
                    for (int t = 0; t < p.targets().size(); t++) {
                        TargetPrediction tp = p.targets().get(t);
                        assertEquals(tp.abstained() ? null : tp.label(), row.label(t), format + " " + a.id());
                        if (!tp.abstained()) {
                            assertEquals(tp.probability(), row.probability(t), 0.0);
                        }
                    }
                }
                assertNull(in.next());
                assertEquals(0, in.malformed());
            }
        }
    }

    @Test
    void aStrayQuoteInAScoredFileEndsTheReadNamingTheLine() throws Exception {
        String file = "id,stance,stance_probability\n1,left,0.5\n2,\"right,0.5\n" + "x".repeat(ScoredFile.MAX_RECORD_CHARS + 100_000);
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (ScoredFile in = ScoredFile.of(TextInput.of(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "s.csv"),
                    false, ScoredFile.Columns.DEFAULT)) {
                while (in.next() != null) {
                    // read on
                }
            }
        });
        assertTrue(e.getMessage().startsWith("s.csv: the record at line 3 is longer than"), e.getMessage());
        assertThrows(BadInputException.class, () -> ScoredFile.of(TextInput.of(new ByteArrayInputStream(
                "id,text\n1,a\n".getBytes(StandardCharsets.UTF_8)), "plain.csv"), false, ScoredFile.Columns.DEFAULT));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }

    /** Articles from a list, as a reader gives them. */
    static final class ListReader implements dev.slant.datasets.io.ArticleReader {
        private final java.util.Iterator<Article> it;
        private final dev.slant.datasets.io.ReadReport report = new dev.slant.datasets.io.ReadReport();

        ListReader(List<Article> articles) {
            it = articles.iterator();
        }

        @Override
        public dev.slant.datasets.io.ReadReport report() {
            return report;
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public dev.slant.datasets.LabelledArticle next() {
            report.accept();
            return new dev.slant.datasets.LabelledArticle(it.next(), dev.slant.datasets.Labels.single(Map.of()));
        }

        @Override
        public void close() {
        }
    }
}
