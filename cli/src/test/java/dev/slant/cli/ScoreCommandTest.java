package dev.slant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.TestBundles;
import dev.slant.inference.explain.ExplainedPrediction;
import dev.slant.inference.explain.Explanation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreCommandTest {
    static final double EPS = 1e-9;
    static final ObjectMapper JSON = new ObjectMapper();
    static Path bundle;
    static SlantClassifier slant;
    static List<Article> articles;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp(@TempDir Path shared) throws Exception {
        bundle = TestBundles.write(shared.resolve("tiny.slant"));
        slant = SlantClassifier.load(bundle);
        articles = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(1500, 9)) {
            articles.add(a.article());
        }
        articles.add(700, Article.of("nothing-known", "", "1 2 3"));
    }

    /** Writes articles as CSV with the columns id, title, text; a null text writes an empty one. */
    static Path csv(Path file, List<Article> list) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("id", "title", "text");
            for (Article a : list) {
                p.printRecord(a.id(), a.title(), a.text());
            }
        }
        return file;
    }

    static CliRun score(Path input, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("score", "--model", bundle.toString(), "--input", input.toString(),
                "--id-column", "id", "--title-column", "title", "--output", output.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    static List<CSVRecord> records(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void csvHasTheLibrarysPredictionsInInputOrderWithSeveralThreads() throws Exception {
        Path out = dir.resolve("out.csv");
        CliRun run = score(csv(dir.resolve("in.csv"), articles), out, "--probabilities", "--threads", "3");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.err().contains("1,501 rows read, 1,501 scored, 0 rejected"), run.err());
        assertTrue(run.err().contains("abstained on stance (no known feature, markup, or too few known n-grams): 1"), run.err());
        List<String> header;
        try (CSVParser p = CSVParser.parse(out, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().get())) {
            header = p.getHeaderNames();
        }
        assertEquals(List.of("id", "stance", "stance_probability", "stance_p_left", "stance_p_center", "stance_p_right",
                "topic", "topic_probability", "topic_p_economy", "topic_p_health", "topic_p_immigration", "topic_p_defense",
                "veracity", "veracity_probability", "veracity_p_true", "veracity_p_fake").stream().sorted().toList(),
                header.stream().sorted().toList());
        List<CSVRecord> rows = records(out);
        assertEquals(articles.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            Prediction p = slant.classify(articles.get(i));
            assertEquals(articles.get(i).id(), r.get("id"), "input order");
            for (TargetPrediction t : p.targets()) {
                if (t.abstained()) {
                    assertEquals("", r.get(t.target()));
                    assertEquals("", r.get(t.target() + "_probability"));
                    continue;
                }
                assertEquals(t.label(), r.get(t.target()));
                assertEquals(t.probability(), Double.parseDouble(r.get(t.target() + "_probability")), EPS);
                for (String l : slant.labels(t.target())) {
                    assertEquals(t.probabilities().get(l), Double.parseDouble(r.get(t.target() + "_p_" + l)), EPS);
                }
            }
        }
    }

    @Test
    void jsonlGzipWithExplanationsHasTheLibrarysPredictions() throws Exception {
        List<Article> some = articles.subList(0, 200);
        Path out = dir.resolve("out.jsonl.gz");
        CliRun run = score(csv(dir.resolve("in.csv"), some), out, "--explain", "2", "--threads", "2", "--quiet");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals("", run.err(), "--quiet");
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(out)), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertEquals(some.size(), lines.size());
        for (int i = 0; i < some.size(); i++) {
            JsonNode o = lines.get(i);
            ExplainedPrediction e = slant.explain(some.get(i), 2);
            assertEquals(some.get(i).id(), o.get("id").asText());
            for (TargetPrediction t : e.prediction().targets()) {
                JsonNode j = o.get(t.target());
                assertEquals(t.label(), j.get("label").asText());
                assertEquals(t.probability(), j.get("probability").asDouble(), EPS);
                assertFalse(j.get("abstained").asBoolean());
                assertFalse(j.has("probabilities"));
                Explanation x = e.explanations().get(t.target());
                assertEquals(x.decisionValue(), j.get("explanation").get("decisionValue").asDouble(), EPS);
                assertEquals(2, j.get("explanation").get("ngrams").size());
                assertEquals(x.ngrams().get(0).name(), j.get("explanation").get("ngrams").get(0).get("ngram").asText());
            }
        }
    }

    @Test
    void aBadRowIsCountedAndRejectedOrStopsAStrictRunLeavingNoOutput() throws Exception {
        List<Article> some = new ArrayList<>(articles.subList(0, 1000));
        Path in = csv(dir.resolve("in.csv"), some);
        List<String> lines = new ArrayList<>(Files.readAllLines(in));
        lines.add(lines.size() - 3, "bad-one,Some title,");
        Files.write(in, lines);
        Path out = dir.resolve("out.csv");
        Path rejects = dir.resolve("rejects.csv");
        CliRun lenient = score(in, out, "--rejects", rejects.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, lenient.code(), lenient.err());
        assertTrue(lenient.err().contains("1,001 rows read, 1,000 scored, 1 rejected"), lenient.err());
        assertTrue(lenient.err().contains("rejected, empty text: 1"), lenient.err());
        assertEquals(1000, records(out).size());
        List<CSVRecord> rejected = records(rejects);
        assertEquals(1, rejected.size());
        assertEquals("EMPTY_TEXT", rejected.get(0).get("reason"));
        assertEquals("998", rejected.get(0).get("record"));

        Files.writeString(out, "precious\n");
        CliRun strict = score(in, out, "--strict", "--threads", "2");
        assertEquals(ExitCodes.DATA, strict.code(), strict.err());
        assertTrue(strict.err().contains(in.toString()) && strict.err().contains("record 998")
                && strict.err().contains("line 999"), strict.err());
        assertEquals("precious\n", Files.readString(out), "a failed run leaves the output as it was");
        assertEquals(List.of("in.csv", "out.csv", "rejects.csv"), listing(dir), "no temporary file is left");
    }

    @Test
    void aStrayQuoteFailsEvenALenientRunSinceTheRowsAfterItCannotBeCounted() throws Exception {
        Path in = csv(dir.resolve("in.csv"), articles.subList(0, 1000));
        List<String> lines = new ArrayList<>(Files.readAllLines(in));
        int at = lines.size() / 2;
        lines.add(at, "stray,\"A title\" and more,Some text");
        Files.write(in, lines);
        Path out = dir.resolve("out.csv");
        CliRun lenient = score(in, out, "--threads", "2");
        assertEquals(ExitCodes.DATA, lenient.code(), lenient.err());
        assertTrue(lenient.err().contains("line " + (at + 1)) && lenient.err().contains("the rest of the file cannot be read"),
                lenient.err());
        assertFalse(Files.exists(out), "the output would have held only the rows before the fault");
        assertEquals(List.of("in.csv"), listing(dir), "no temporary file is left");
    }

    @Test
    void aFileWithoutATitleColumnIsScoredWithAWarningWhenTheModelLearnedFromTitles() throws Exception {
        Path in = csv(dir.resolve("in.csv"), articles.subList(0, 20));
        Path out = dir.resolve("out.csv");
        CliRun untitled = CliRun.of("score", "--model", bundle.toString(), "--input", in.toString(), "--id-column", "id",
                "--output", out.toString());
        assertEquals(ExitCodes.OK, untitled.code(), untitled.err());
        assertTrue(untitled.err().contains("warning: no --title-column, so every title is empty; " + bundle
                + " learned from titles"), untitled.err());
        assertEquals(20, records(out).size());
        CliRun titled = score(in, out);
        assertEquals(ExitCodes.OK, titled.code(), titled.err());
        assertFalse(titled.err().contains("warning"), titled.err());
    }

    @Test
    void aMissingOrCorruptModelIsBadInput() throws Exception {
        Path in = csv(dir.resolve("in.csv"), articles.subList(0, 10));
        Path out = dir.resolve("out.csv");
        Path missing = dir.resolve("missing.slant");
        CliRun run = CliRun.of("score", "--model", missing.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(ExitCodes.DATA, run.code(), run.err());
        assertTrue(run.err().contains(missing.toString()), run.err());
        Path corrupt = Files.write(dir.resolve("corrupt.slant"), "not a bundle at all".getBytes(StandardCharsets.UTF_8));
        run = CliRun.of("score", "--model", corrupt.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(ExitCodes.DATA, run.code(), run.err());
        assertTrue(run.err().contains(corrupt.toString()), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnwritableOutputFailsAndBadOptionsAreUsageErrors() throws Exception {
        Path in = csv(dir.resolve("in.csv"), articles.subList(0, 10));
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        CliRun run = score(in, blocker.resolve("out.csv"));
        assertEquals(ExitCodes.FAILURE, run.code(), run.err());
        assertTrue(run.err().contains(blocker.toString()), run.err());

        assertEquals(ExitCodes.USAGE, score(in, dir.resolve("out.txt")).code(), "no format from the name");
        assertEquals(ExitCodes.OK, score(in, dir.resolve("out.txt"), "--format", "jsonl").code());
        assertEquals(ExitCodes.USAGE, score(in, dir.resolve("o.csv"), "--threads", "0").code());
        assertEquals(ExitCodes.USAGE, score(in, dir.resolve("o.csv"), "--explain", "-1").code());
        CliRun noInput = CliRun.of("score", "--model", bundle.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(ExitCodes.USAGE, noInput.code());
        assertTrue(noInput.err().contains("--input FILE"), noInput.err());
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
