package dev.slant.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.Article;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.explain.Explanation;
import dev.slant.inference.explain.NgramContribution;
import dev.slant.inference.explain.SentenceContribution;
import dev.slant.serve.archive.ArchiveTally;
import dev.slant.serve.archive.ScoredFile;
import dev.slant.serve.archive.StaticReport;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The page in headless Chromium, against a server started here with a model that knows real English
 * ({@link PageFixture}): what the page shows is compared with what the library computes (labels, probabilities,
 * every sentence's contribution, the n-grams for and against, the charts' counts), markup in articles, titles,
 * outlets and the model card stays text and never runs, the views work by keyboard, and every view fits a desktop
 * and a phone's width (screenshots under {@code target/screenshots/}).
 */
@RequiresBrowser
@Timeout(300)
class PageBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PAYLOAD = "<img src=x onerror=\"window.__pwned=1;document.title='pwned'\">"
            + "<script>window.__pwned=2;document.title='pwned'</script>";
    static final String LINK = "<a href=\"javascript:window.__pwned=3\">read more</a>";
    static final Path SHOTS = Path.of("target", "screenshots");

    static PageFixture.Fixture fixture;
    static SlantClassifier slant;
    static SlantServer server;
    static Browser browser;
    static Path operatorArchive;
    static List<Article> operatorArticles;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        java.util.logging.Logger.getLogger("org.eclipse.jetty").setLevel(java.util.logging.Level.WARNING);
        fixture = PageFixture.get();
        slant = fixture.slant();
        operatorArticles = fixture.heldOut().subList(0, 60);
        operatorArchive = Files.createTempFile("slant-operator-", ".csv");
        Files.writeString(operatorArchive, scoredCsv(operatorArticles));
        server = SlantServer.start(slant, ServeSettings.defaults().withAddress("127.0.0.1", 0).withThreads(2),
                PageFixture.CARD, operatorArchive);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (operatorArchive != null) {
            Files.deleteIfExists(operatorArchive);
        }
    }

    @AfterEach
    void theConsoleHasNoErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "the browser's console");
    }

    // ---- classify -----------------------------------------------------------------------------------------

    /** A held-out article of several sentences that no target abstains on. */
    static Article realArticle() {
        for (Article a : fixture.heldOut()) {
            Prediction p = slant.classify(a);
            if (a.text().length() > 600 && a.text().length() < 6000 && !a.title().isBlank()
                    && p.targets().stream().noneMatch(TargetPrediction::abstained) && a.meta(Article.OUTLET).isPresent()) {
                return a;
            }
        }
        throw new IllegalStateException("no held-out article fits");
    }

    /**
     * The article as the page sent it: the form's title, text and outlet as the browser holds them (a text field
     * drops line breaks and a text area turns CRLF into LF, so these are what the server got).
     */
    static Article sent() {
        @SuppressWarnings("unchecked")
        List<String> v = (List<String>) browser.js("return ['f-title', 'f-text', 'f-outlet'].map(id => document.getElementById(id).value)");
        String outlet = v.get(2).strip();
        return new Article("(none)", v.get(0), v.get(1), outlet.isEmpty() ? Map.of() : Map.of(Article.OUTLET, outlet));
    }

    @Test
    void aRealArticleGetsTheLibrarysLabelsProbabilitiesAndExplanation() throws Exception {
        Article a = realArticle();
        String outlet = a.meta(Article.OUTLET).orElseThrow();
        classify(a.title(), a.text(), outlet);
        Article sent = sent();
        Prediction p = slant.classify(sent);
        for (TargetPrediction t : p.targets()) {
            WebElement card = browser.driver.findElement(By.cssSelector(".card[data-target='" + t.target() + "']"));
            WebElement verdict = card.findElement(By.cssSelector(".verdict"));
            assertEquals(t.label(), verdict.getDomAttribute("data-label"));
            assertEquals(t.probability(), Double.parseDouble(verdict.getDomAttribute("data-probability")), 0.0);
            assertEquals(fixed(100 * t.probability(), 1) + "%", text(card.findElement(By.cssSelector(".verdict .prob"))));
            List<WebElement> bars = card.findElements(By.cssSelector(".probs li"));
            assertEquals(t.probabilities().size(), bars.size(), "a bar for every label");
            for (WebElement bar : bars) {
                String label = bar.getDomAttribute("data-label");
                assertEquals(t.probabilities().get(label), Double.parseDouble(bar.getDomAttribute("data-probability")), 0.0, label);
            }
        }
        // The first target's predicted label, exactly as SlantClassifier.explain says.
        String target = slant.targets().get(0);
        Explanation library = slant.explain(sent, Integer.MAX_VALUE).explanations().get(target);
        assertExplanationShown(library);
        assertTrue(text(browser.driver.findElement(By.id("x-summary"))).contains("(the predicted label)"));
        assertEquals(p.target(target).label() + " (predicted)",
                new Select(browser.driver.findElement(By.id("x-label"))).getFirstSelectedOption().getText());
    }

    @Test
    void anotherLabelOrTargetIsShadedAsTheLibraryExplainsIt() throws Exception {
        Article a = realArticle();
        String outlet = a.meta(Article.OUTLET).orElseThrow();
        classify(a.title(), a.text(), outlet);
        Article sent = sent();
        String target = slant.targets().get(0);
        String predicted = slant.classify(sent).target(target).label();
        String other = slant.labels(target).stream().filter(l -> !l.equals(predicted)).findFirst().orElseThrow();
        new Select(browser.driver.findElement(By.id("x-label"))).selectByValue(other);
        browser.waiting().until(d -> other.equals(d.findElement(By.id("article")).getDomAttribute("data-label")));
        assertExplanationShown(slant.explain(sent, target, other, Integer.MAX_VALUE));
        assertFalse(text(browser.driver.findElement(By.id("x-summary"))).contains("(the predicted label)"));

        String second = slant.targets().get(1);
        new Select(browser.driver.findElement(By.id("x-target"))).selectByValue(second);
        browser.waiting().until(d -> second.equals(d.findElement(By.id("article")).getDomAttribute("data-target")));
        assertExplanationShown(slant.explain(sent, Integer.MAX_VALUE).explanations().get(second));
    }

    /** Every sentence's text and contribution in reading order, and the n-grams for and against, as the library has them. */
    static void assertExplanationShown(Explanation library) {
        List<SentenceContribution> reading = new ArrayList<>(library.sentences());
        reading.sort(Comparator.comparing((SentenceContribution s) -> !s.field().equals(SentenceContribution.TITLE))
                .thenComparingInt(SentenceContribution::index));
        List<WebElement> shown = browser.driver.findElements(By.cssSelector("#article .s"));
        assertEquals(reading.size(), shown.size(), "every sentence is shown");
        double max = reading.stream().mapToDouble(s -> Math.abs(s.contribution())).max().orElse(0);
        for (int i = 0; i < shown.size(); i++) {
            SentenceContribution s = reading.get(i);
            WebElement e = shown.get(i);
            assertEquals(s.field(), e.getDomAttribute("data-field"));
            assertEquals(s.index(), Integer.parseInt(e.getDomAttribute("data-index")));
            assertEquals(s.contribution(), Double.parseDouble(e.getDomAttribute("data-contribution")), 0.0, "sentence " + i);
            assertEquals(s.text(), e.findElement(By.cssSelector(".t")).getDomProperty("textContent"));
            // The shading follows the number: its direction, and the darkest level for the largest share.
            String classes = e.getDomAttribute("class");
            if (Math.abs(s.contribution()) >= 0.05 * max && s.contribution() != 0) {
                assertTrue(classes.contains(s.contribution() > 0 ? "pos" : "neg"), classes);
                assertTrue(text(e.findElement(By.cssSelector(".mark"))).startsWith(s.contribution() > 0 ? "▲" : "▼"));
            }
            if (Math.abs(s.contribution()) == max && max > 0) {
                assertTrue(classes.contains("l4"), classes);
            }
        }
        List<Double> forIt = library.ngrams().stream().map(NgramContribution::contribution).filter(c -> c > 0).limit(10).toList();
        List<Double> against = new ArrayList<>();
        for (int i = library.ngrams().size() - 1; i >= 0 && against.size() < 10; i--) {
            double c = library.ngrams().get(i).contribution();
            if (c < 0) {
                against.add(c);
            }
        }
        assertEquals(forIt, contributions("#ngrams [data-side='pos'] li"));
        assertEquals(against, contributions("#ngrams [data-side='neg'] li"));
    }

    static List<Double> contributions(String selector) {
        return browser.driver.findElements(By.cssSelector(selector)).stream()
                .map(e -> Double.parseDouble(e.getDomAttribute("data-contribution"))).toList();
    }

    @Test
    void anAbstentionIsShownPlainly() throws Exception {
        classify("", "12345 67890 2024 1999", "");
        List<WebElement> verdicts = browser.driver.findElements(By.cssSelector(".card .verdict"));
        assertEquals(slant.targets().size(), verdicts.size());
        for (WebElement v : verdicts) {
            assertEquals("⊘ Abstained: no label", text(v));
        }
        assertTrue(text(browser.driver.findElement(By.id("x-summary"))).endsWith("abstained: there is nothing to explain."));
        assertEquals(0, browser.driver.findElements(By.cssSelector("#article .s")).size());
    }

    @Test
    void markupInAnArticleIsShownAsTextAndNeverRuns() throws Exception {
        Article a = realArticle();
        String title = "<script>window.__pwned=5;document.title='pwned'</script>" + a.title();
        String text = a.text() + " " + PAYLOAD + " " + LINK + " javascript:window.__pwned=6 is not a link.";
        String outlet = "\"><img src=x onerror=window.__pwned=4>";
        classify(title, text, outlet);
        for (String area : List.of("#article", "#targets", "#ngrams")) {
            assertEquals(0, browser.driver.findElements(By.cssSelector(area + " img, " + area + " script, " + area + " a")).size(), area);
        }
        String shown = browser.driver.findElement(By.id("article")).getDomProperty("textContent");
        assertTrue(shown.contains("<img src=x onerror="), shown);
        assertTrue(shown.contains("<a href=\"javascript:"), shown);
        assertNull(browser.js("return window.__pwned"));
        assertEquals("Slant: classify", browser.driver.getTitle());
        // What the page shows is still the library's explanation of that article.
        Article sent = sent();
        assertTrue(sent.title().startsWith("<script>"));
        assertExplanationShown(slant.explain(sent, Integer.MAX_VALUE).explanations().get(slant.targets().get(0)));

        // The policy: strings never become markup (Trusted Types), inline script never runs.
        assertEquals("TypeError", browser.js("try { document.getElementById('article').innerHTML = '<b>x</b>'; return 'assigned'; }"
                + " catch (e) { return e.name; }"));
        browser.js("try { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.append(s); }"
                + " catch (e) { window.__refused = e.name; }");
        assertNull(browser.js("return window.__inline"));
        browser.consoleErrors(); // the refusals above are logged, as they should be
    }

    // ---- model --------------------------------------------------------------------------------------------

    @Test
    void theModelViewShowsTheBundlesEvaluations() throws Exception {
        open("model");
        JsonNode metrics = slant.manifest().metrics();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#m-headline tbody tr"));
        // The outlet-disjoint cross-validation first, then each target's test part.
        JsonNode cv = metrics.at("/outletCv/report/targets/0");
        JsonNode pooled = cv.get("pooled");
        assertTrue(text(rows.get(0).findElement(By.tagName("th"))).contains("outlets never seen, outlet-disjoint 3-fold cross-validation"));
        // As train and evaluate print it: the mean over folds with its spread (the folds pooled beside), against each
        // fold's own majority baseline.
        assertEquals(List.of("macro-F1", f3(cv.at("/model/macroF1/mean")) + " ± " + f3(cv.at("/model/macroF1/standardDeviation"))
                + " (pooled " + f3(pooled.at("/model/macroF1")) + ")", f3(cv.at("/baseline/macroF1/mean"))), cells(rows.get(0)));
        assertEquals(List.of("accuracy", f3(cv.at("/model/accuracy/mean")), f3(cv.at("/baseline/accuracy/mean"))), cells(rows.get(1)));
        int row = 0;
        List<String> evaluations = new ArrayList<>();
        for (WebElement r : rows) {
            String name = text(r.findElement(By.tagName("th")));
            if (!evaluations.contains(name)) {
                evaluations.add(name);
            }
            row++;
        }
        assertEquals(1 + slant.targets().size(), evaluations.size(), evaluations.toString());
        for (String target : slant.targets()) {
            JsonNode test = metrics.at("/targets/" + target + "/test/targets/0");
            // Macro-F1 only where the part holds articles of half the labels or more (Headlines' rule).
            int covered = 0;
            for (JsonNode c : test.at("/model/perClass")) {
                covered += c.get("support").intValue() > 0 ? 1 : 0;
            }
            boolean shown = covered >= dev.slant.inference.report.Headlines.MIN_LABEL_COVERAGE * test.at("/model/perClass").size();
            List<String> macro = shown ? List.of("macro-F1", f3(test.at("/model/macroF1")), f3(test.at("/baselineFigures/macroF1")))
                    : List.of("macro-F1", "n/a", "n/a");
            assertTrue(rows.stream().anyMatch(r -> text(r.findElement(By.tagName("th"))).startsWith(target + ": fixture split, test")
                    && cells(r).equals(macro)), target + ": " + macro);
            if (!shown) {
                assertTrue(text(browser.driver.findElement(By.id("m-headline"))).contains(target + ": fixture split, test part: only "
                        + covered + " of the " + test.at("/model/perClass").size() + " labels have articles here"));
            }
        }
        // The per-class table and the confusion matrix of the evaluation shown (the cross-validation's pooled folds).
        JsonNode perClass = pooled.at("/model/perClass");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#m-classes tbody tr")).size() == perClass.size());
        JsonNode confusion = pooled.at("/model/confusion");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#m-confusion svg")).isEmpty());
        List<Long> expected = new ArrayList<>();
        boolean abstentions = false;
        for (JsonNode n : confusion.get("abstained")) {
            abstentions |= n.intValue() > 0;
        }
        for (int g = 0; g < confusion.get("labels").size(); g++) {
            for (JsonNode n : confusion.get("counts").get(g)) {
                expected.add(n.longValue());
            }
            if (abstentions) {
                expected.add(confusion.get("abstained").get(g).longValue());
            }
        }
        List<Long> drawn = browser.driver.findElements(By.cssSelector("#m-confusion svg text")).stream()
                .map(e -> e.getDomProperty("textContent")).filter(t -> t.matches("\\d+")).map(Long::parseLong).toList();
        assertEquals(expected, drawn, "every cell's count, row by row");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#m-reliability svg")).isEmpty());
        assertTrue(browser.driver.findElement(By.cssSelector("#m-reliability svg title")).getDomProperty("textContent")
                .contains("reliability diagram, ECE"));

        // The model card: Markdown as elements, its markup as text.
        WebElement card = browser.driver.findElement(By.id("m-card"));
        assertEquals("Slant model card", text(card.findElement(By.tagName("h3"))));
        assertEquals(2, card.findElements(By.cssSelector("table tr")).size(), "the table's header and its row");
        assertEquals(0, card.findElements(By.cssSelector("img, script")).size());
        assertTrue(card.getDomProperty("textContent").contains("<img src=x onerror="));
        assertNull(browser.js("return window.__pwned"));

        // By keyboard: Enter on a column header sorts (largest first for numbers) and keeps the focus there.
        WebElement sortF1 = browser.driver.findElement(By.cssSelector("#m-classes button[data-key='f1']"));
        sortF1.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> "descending".equals(d.findElement(By.cssSelector("#m-classes th:nth-child(4)")).getDomAttribute("aria-sort")));
        assertEquals("f1", browser.js("return document.activeElement.dataset.key"));
        double best = 0;
        for (JsonNode c : perClass) {
            best = Math.max(best, c.get("f1").doubleValue());
        }
        assertEquals(fixed(best, 3), text(browser.driver.findElement(By.cssSelector("#m-classes tbody tr td:nth-child(4)"))));
    }

    // ---- archive ------------------------------------------------------------------------------------------

    @Test
    void theOperatorsArchiveIsChartedAsItsRowsSay() throws Exception {
        open("archive");
        browser.waiting().until(d -> "done".equals(d.findElement(By.id("archive-result")).getDomAttribute("data-state")));
        assertTrue(text(browser.driver.findElement(By.id("a-heading"))).endsWith(operatorArchive.getFileName().toString()));
        assertChart(rowsOf(operatorArticles), "stance", "outlet");
    }

    @Test
    void anUploadedFileIsScoredTabledAndCharted() throws Exception {
        List<Article> articles = new ArrayList<>(fixture.heldOut().subList(60, 100));
        articles.set(7, new Article(articles.get(7).id(), PAYLOAD, articles.get(7).text(), articles.get(7).metadata()));
        Path file = Files.createTempFile("slant-upload-", ".csv");
        try {
            Files.writeString(file, articleCsv(articles, true));
            open("archive");
            browser.js("document.getElementById('archive-result').dataset.state = ''");
            browser.driver.findElement(By.id("a-file")).sendKeys(file.toAbsolutePath().toString());
            browser.driver.findElement(By.id("archive-button")).click();
            browser.waiting().until(d -> text(d.findElement(By.id("archive-status"))).contains("scored")
                    || text(d.findElement(By.id("archive-status"))).startsWith("Could not"));
            browser.waiting().until(d -> "done".equals(d.findElement(By.id("archive-result")).getDomAttribute("data-state")));
            String summary = text(browser.driver.findElement(By.id("a-summary")));
            assertTrue(summary.startsWith("40 articles scored of 41 records; rejected: 1 empty text"), summary);
            List<Row> rows = rowsOf(articles);
            for (String target : slant.targets()) {
                long abstained = rows.stream().filter(r -> r.prediction().target(target).abstained()).count();
                assertEquals(abstained, Long.parseLong(browser.driver.findElement(By.cssSelector("#a-abstained li[data-target='"
                        + target + "']")).getDomAttribute("data-abstained")));
            }
            assertChart(rows, "stance", "outlet");
            new Select(browser.driver.findElement(By.id("a-by"))).selectByValue("month");
            assertChart(rows, "stance", "month");
            new Select(browser.driver.findElement(By.id("a-show"))).selectByValue("topic");
            new Select(browser.driver.findElement(By.id("a-by"))).selectByValue("stance");
            assertChart(rows, "topic", "stance");

            // The table: 25 rows a page; the markup title as text; sorted by stance's probability, largest first.
            assertEquals(25, browser.driver.findElements(By.cssSelector("#a-table tbody tr")).size());
            WebElement payloadCell = browser.driver.findElement(By.cssSelector("#a-table tbody tr:nth-child(8) td:nth-child(3)"));
            assertEquals(PAYLOAD, payloadCell.getDomProperty("textContent"));
            assertEquals(0, browser.driver.findElements(By.cssSelector("#a-table img, #a-table script")).size());
            assertNull(browser.js("return window.__pwned"));
            browser.driver.findElement(By.cssSelector("#a-table button[data-go='1']")).click();
            browser.waiting().until(d -> "1".equals(d.findElement(By.id("a-table")).getDomAttribute("data-page")));
            assertEquals(15, browser.driver.findElements(By.cssSelector("#a-table tbody tr")).size());
            browser.driver.findElement(By.cssSelector("#a-table button[data-key='stance_probability']")).sendKeys(Keys.ENTER);
            browser.waiting().until(d -> "descending".equals(d.findElement(By.cssSelector("#a-table th:nth-child(7)")).getDomAttribute("aria-sort")));
            double max = rows.stream().map(r -> r.prediction().target("stance")).filter(t -> !t.abstained())
                    .mapToDouble(TargetPrediction::probability).max().orElseThrow();
            assertEquals(fixed(max, 2), text(browser.driver.findElement(By.cssSelector("#a-table tbody tr td:nth-child(7)"))));

            // The download is the scored file: a header and the 40 rows.
            String href = browser.driver.findElement(By.id("a-download")).getDomProperty("href");
            HttpResponse<String> scored = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scored.statusCode());
            assertEquals(41, org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(scored.body())).getRecords().size());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One article of an archive with the library's prediction. */
    record Row(Article article, Prediction prediction) {
    }

    static List<Row> rowsOf(List<Article> articles) {
        return articles.stream().map(a -> new Row(a, slant.classify(a))).toList();
    }

    /** The chart shown is of that target by that dimension and its every segment holds the library's count. */
    static void assertChart(List<Row> rows, String target, String dimension) {
        String svg = "#a-chart svg[data-target='" + target + "'][data-dimension='" + dimension + "']";
        browser.waiting().until(d -> !d.findElements(By.cssSelector(svg)).isEmpty());
        assertChart(rows, target, dimension, svg, "#a-numbers");
    }

    /**
     * @param svg     the chart's selector
     * @param numbers the selector of the table of its numbers
     */
    static void assertChart(List<Row> rows, String target, String dimension, String svg, String numbers) {
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        for (Row r : rows) {
            String group = switch (dimension) {
                case "outlet" -> r.article().meta(Article.OUTLET).orElse(ArchiveTally.UNKNOWN);
                case "month" -> java.util.Objects.requireNonNullElse(ArchiveTally.month(r.article().meta(Article.DATE).orElse("")), ArchiveTally.UNKNOWN);
                case "all" -> "all articles";
                default -> key(r.prediction().target(dimension));
            };
            expected.computeIfAbsent(group, k -> new LinkedHashMap<>()).merge(key(r.prediction().target(target)), 1L, Long::sum);
        }
        Map<String, Map<String, Long>> drawn = new LinkedHashMap<>();
        for (WebElement rect : browser.driver.findElements(By.cssSelector(svg + " rect[data-count]"))) {
            drawn.computeIfAbsent(rect.getDomAttribute("data-group"), k -> new LinkedHashMap<>())
                    .put(rect.getDomAttribute("data-category"), Long.parseLong(rect.getDomAttribute("data-count")));
        }
        // Topic's rarer labels share one colour as "(other)": compare the labels drawn on their own, and the rest summed.
        Map<String, Map<String, Long>> folded = new LinkedHashMap<>();
        expected.forEach((group, counts) -> {
            Map<String, Long> shown = drawn.getOrDefault(group, Map.of());
            Map<String, Long> f = new LinkedHashMap<>();
            counts.forEach((label, n) -> f.merge(shown.containsKey(label) || label.equals(ArchiveTally.ABSTAINED) ? label
                    : ArchiveTally.OTHER, n, Long::sum));
            folded.put(group, f);
        });
        for (Map.Entry<String, Map<String, Long>> g : drawn.entrySet()) {
            assertEquals(folded.get(g.getKey()), g.getValue(), target + " by " + dimension + ", " + g.getKey());
        }
        // The largest groups up to the chart's limit; for months the latest, and the undated beside them.
        boolean undated = dimension.equals("month") && expected.containsKey(ArchiveTally.UNKNOWN);
        int bars = Math.min(expected.size() - (undated ? 1 : 0), dimension.equals("month") ? 36 : 15) + (undated ? 1 : 0);
        assertEquals(bars, drawn.size(), "the bars drawn");
        // The numbers under the chart say the same.
        List<WebElement> cells = browser.driver.findElements(By.cssSelector(numbers + " td[data-category]"));
        assertFalse(cells.isEmpty(), numbers);
        for (WebElement cell : cells) {
            String group = cell.findElement(By.xpath("..")).getDomAttribute("data-group");
            long n = Long.parseLong(cell.getDomAttribute("data-count"));
            assertEquals(drawn.getOrDefault(group, Map.of()).getOrDefault(cell.getDomAttribute("data-category"), 0L), n, group);
        }
    }

    static String key(TargetPrediction t) {
        return t.abstained() ? ArchiveTally.ABSTAINED : t.label();
    }

    // ---- the static report ----------------------------------------------------------------------------------

    @Test
    void theStaticReportOfAFileShowsTheSameChartsWithoutAServer(@TempDir Path dir) throws Exception {
        List<Article> articles = new ArrayList<>(fixture.heldOut().subList(100, 180));
        String outlet = "<img src=x onerror=\"window.__pwned=9\"> Outlet";
        for (int i = 0; i < 10; i++) {
            Article a = articles.get(i);
            articles.set(i, new Article(a.id(), i == 0 ? PAYLOAD : a.title(), a.text(), Map.of(Article.OUTLET, outlet,
                    Article.DATE, a.meta(Article.DATE).orElse(""))));
        }
        Path scored = dir.resolve("scored.csv");
        Files.writeString(scored, scoredCsv(articles));
        Map<String, List<String>> labels = new LinkedHashMap<>();
        slant.targets().forEach(t -> labels.put(t, slant.labels(t)));
        StaticReport.Summary summary = StaticReport.write(scored, dir.resolve("report"), ScoredFile.Columns.DEFAULT, labels);
        assertEquals(80, summary.articles());
        browser.driver.get(dir.resolve("report").resolve(StaticReport.INDEX).toUri().toString());
        List<Row> rows = rowsOf(articles);
        List<WebElement> sections = browser.driver.findElements(By.cssSelector("section.chart"));
        assertEquals(summary.charts(), sections.size());
        List<String> shown = new ArrayList<>();
        for (WebElement section : sections) {
            String target = section.getDomAttribute("data-target");
            String dimension = section.getDomAttribute("data-dimension");
            shown.add(target + " by " + dimension);
            String at = "section.chart[data-target='" + target + "'][data-dimension='" + dimension + "']";
            assertChart(rows, target, dimension, at + " svg", at);
        }
        assertTrue(shown.containsAll(List.of("stance by all", "stance by outlet", "stance by month", "stance by topic",
                "topic by outlet", "topic by stance")), shown.toString());
        assertEquals(0, browser.driver.findElements(By.cssSelector("script, img, iframe, object")).size());
        assertTrue(browser.driver.findElement(By.tagName("body")).getDomProperty("textContent").contains(outlet));
        assertNull(browser.js("return window.__pwned"));
        assertTrue(browser.driver.findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']"))
                .getDomAttribute("content").startsWith("default-src 'none'"));
        for (int width : new int[] {1280, 390}) {
            browser.screenshot(width, SHOTS.resolve("report-" + width + ".png"));
            assertEquals(0L, ((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth")).longValue());
        }
        browser.resize(1280, 900);
    }

    // ---- keyboard and layout ------------------------------------------------------------------------------

    @Test
    void theViewsAreReachedByKeyboardAndTheirHeadingTakesTheFocus() {
        open("classify");
        for (String view : List.of("model", "archive", "classify")) {
            WebElement link = browser.driver.findElement(By.id("nav-" + view));
            link.sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("view-" + view)));
            assertEquals("page", link.getDomAttribute("aria-current"));
            browser.waiting().until(d -> ("h-" + view).equals(browser.js("return document.activeElement.id")));
            for (String other : List.of("classify", "model", "archive")) {
                if (!other.equals(view)) {
                    assertFalse(browser.driver.findElement(By.id("view-" + other)).isDisplayed(), other);
                }
            }
        }
        // Every control has a label a screen reader reads.
        Object unlabelled = browser.js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => !e.labels || e.labels.length === 0).map(e => e.id)");
        assertEquals(List.of(), unlabelled);
    }

    @Test
    void everyViewFitsADesktopAndAPhone() throws Exception {
        Article a = realArticle();
        classify(a.title(), a.text(), a.meta(Article.OUTLET).orElse(""));
        for (String view : List.of("classify", "model", "archive")) {
            open(view);
            if (!view.equals("classify")) {
                browser.waiting().until(d -> !d.findElements(By.cssSelector("#view-" + view + " svg")).isEmpty());
            }
            for (int width : new int[] {1280, 390}) {
                browser.resize(width, 900);
                Thread.sleep(300); // the charts are drawn again for the new width
                Path png = SHOTS.resolve("page-" + view + "-" + width + ".png");
                browser.screenshot(width, png);
                assertTrue(Files.size(png) > 5_000, png.toString());
                long overflow = ((Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
                assertEquals(0, overflow, view + " at " + width + " px is wider than the window");
            }
        }
        browser.resize(1280, 900);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static String text(WebElement e) {
        return e.getText().strip();
    }

    static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(PageBrowserTest::text).toList();
    }

    static String f3(JsonNode n) {
        return fixed(n.doubleValue(), 3);
    }

    /** A number as JavaScript's toFixed writes it: the double's exact value, rounded half up. */
    static String fixed(double v, int digits) {
        return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static void open(String view) {
        String url = server.uri() + "#" + view;
        if (!browser.driver.getCurrentUrl().startsWith(server.uri().toString())) {
            browser.driver.get(url);
        } else {
            browser.js("location.hash = arguments[0]", view);
        }
        browser.waiting().until(d -> "true".equals(browser.js("return document.body.dataset.ready")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("h-" + view)));
    }

    static void classify(String title, String text, String outlet) {
        open("classify");
        browser.js("document.getElementById('classify-result').hidden = true;"
                + "document.getElementById('classify-result').dataset.state = '';"
                + "document.getElementById('f-title').value = arguments[0];"
                + "document.getElementById('f-text').value = arguments[1];"
                + "document.getElementById('f-outlet').value = arguments[2];", title, text, outlet);
        browser.driver.findElement(By.id("classify-button")).click();
        try {
            browser.waiting().until(d -> "done".equals(d.findElement(By.id("classify-result")).getDomAttribute("data-state")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no result; status: " + browser.driver.findElement(By.id("classify-status")).getText(), e);
        }
    }

    /** The page's download format: id, title, outlet, date, and each target's label and probability. */
    static String scoredCsv(List<Article> articles) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(List.of("id", "title", "outlet", "date"));
            for (String t : slant.targets()) {
                header.add(t);
                header.add(t + "_probability");
            }
            p.printRecord(header);
            for (Article a : articles) {
                List<String> row = new ArrayList<>(List.of(a.id(), a.title(), a.meta(Article.OUTLET).orElse(""), a.meta(Article.DATE).orElse("")));
                for (TargetPrediction t : slant.classify(a).targets()) {
                    row.add(t.abstained() ? "" : t.label());
                    row.add(t.abstained() ? "" : Double.toString(t.probability()));
                }
                p.printRecord(row);
            }
        }
        return w.toString();
    }

    /** An article file as people keep them: id, title, text, outlet, date (and one row with no text). */
    static String articleCsv(List<Article> articles, boolean emptyRow) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("id", "title", "text", "outlet", "date");
            for (Article a : articles) {
                p.printRecord(a.id(), a.title(), a.text(), a.meta(Article.OUTLET).orElse(""), a.meta(Article.DATE).orElse(""));
            }
            if (emptyRow) {
                p.printRecord("empty", "A title without text", "", "Nowhere", "2020-01-01");
            }
        }
        return w.toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
