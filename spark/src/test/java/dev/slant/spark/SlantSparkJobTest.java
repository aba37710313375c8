package dev.slant.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.eval.Format;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spark-submit job in local[2] mode: csv, json and parquet in and out, evaluate, strict mode, bad paths. */
class SlantSparkJobTest {
    static SparkSession spark;
    static RealBundle real;
    static SlantClassifier classifier;
    @TempDir
    static Path dir;
    static Path csv;
    static Path jsonl;
    static Path parquet;

    @BeforeAll
    static void start() throws Exception {
        real = RealBundle.get();
        spark = LocalSpark.start();
        classifier = real.classifier;
        List<Row> rows = Articles.rows(real.test);
        csv = dir.resolve("articles.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(Articles.COLUMNS.toArray(String[]::new)).build())) {
            for (Row r : rows) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    values.add(r.get(i));
                }
                p.printRecord(values);
            }
        }
        jsonl = dir.resolve("articles.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            for (Row r : rows) {
                ObjectNode o = json.createObjectNode();
                for (int i = 0; i < r.size(); i++) {
                    if (r.get(i) != null) {
                        o.put(Articles.COLUMNS.get(i), r.getString(i));
                    }
                }
                w.write(json.writeValueAsString(o));
                w.write('\n');
            }
        }
        parquet = dir.resolve("articles.parquet");
        Articles.dataset(spark, real.test).write().parquet(parquet.toString());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SlantSparkJob.run(spark, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<String> columns(String command, Path input, String format) {
        return new ArrayList<>(List.of(command, "--model", real.file.toString(), "--input", input.toString(),
                "--input-format", format, "--id-column", "ID", "--title-column", "title", "--text-column", "content_original",
                "--meta", "outlet=source", "--meta", "host=source_url", "--meta", "url=url", "--meta", "date=date",
                "--meta", "authors=authors"));
    }

    static Run score(Path input, String inFormat, Path output, String outFormat, String... more) {
        List<String> args = columns("score", input, inFormat);
        args.addAll(List.of("--output", output.toString(), "--output-format", outFormat));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static void assertOutput(Path output, String format, boolean labelProbabilities) {
        var reader = spark.read();
        List<Row> rows = switch (format) {
            case "csv" -> reader.option("header", true).option("multiLine", true).option("escape", "\"")
                    .option("inferSchema", true).csv(output.toString()).collectAsList();
            case "json" -> reader.json(output.toString()).collectAsList();
            default -> reader.parquet(output.toString()).collectAsList();
        };
        assertEquals(1_300 + 1, rows.size());
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.getAs("id"), r));
        for (LabelledArticle a : real.test) {
            Articles.assertScored(real, a.article(), byId.get(a.id()), labelProbabilities);
        }
        Row abstained = byId.get(Articles.ABSTAINS);
        assertEquals(null, (Object) abstained.getAs("stance"));
    }

    @Test
    void scoresCsvJsonAndParquetIntoEachFormat() {
        String counted = "scored 1301 of 1305 rows (4 skipped: 2 empty text, 2 malformed record)";
        Run a = score(csv, "csv", dir.resolve("from-csv"), "parquet", "--probabilities");
        assertEquals(ExitCodes.OK, a.code(), a.err());
        assertTrue(a.err().contains(counted), a.err());
        assertOutput(dir.resolve("from-csv"), "parquet", true);

        Run b = score(jsonl, "json", dir.resolve("from-json"), "csv");
        assertEquals(ExitCodes.OK, b.code(), b.err());
        assertTrue(b.err().contains(counted), b.err());
        assertOutput(dir.resolve("from-json"), "csv", false);

        Run c = score(parquet, "parquet", dir.resolve("from-parquet"), "json", "--probabilities");
        assertEquals(ExitCodes.OK, c.code(), c.err());
        assertOutput(dir.resolve("from-parquet"), "json", true);
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary folder left");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void evaluatePrintsTheTableOfSlantEvaluate() {
        List<String> args = columns("evaluate", csv, "csv");
        args.addAll(List.of("--label", "stance=bias_text"));
        Run r = run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("### stance, " + csv + "\n== stance (1301 articles, ordinal) ==\n\nFigures (%, MAE in label steps)\n"
                + "figure       model  majority 'right'\n"), r.out());
        long correct = 0;
        for (LabelledArticle a : real.test) {
            if (a.labels().get("stance").orElseThrow().equals(real.expected(a.article()).target("stance").label())) {
                correct++;
            }
        }
        String accuracy = Format.percent((double) correct / 1301);
        assertTrue(r.out().contains("\naccuracy     " + " ".repeat(5 - accuracy.length()) + accuracy + "  "), r.out());
        assertTrue(r.out().contains("\ngold \\ predicted  left  center  right  (abstained)  support\n"), r.out());
        assertTrue(r.out().contains("* 1 of 1301 articles abstained: counted as wrong, as missed articles of their gold label,"
                + " and as distance 2 for MAE.\n"), r.out());
        assertTrue(r.err().contains("evaluated 1301 of 1305 rows (4 skipped: 2 empty text, 2 malformed record)"), r.err());
        assertFalse(r.err().contains("drift from the training data"), "drift only when asked");

        args.add("--drift");
        Run d = run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, d.code(), d.err());
        assertTrue(d.err().contains("slant-spark: drift from the training data (spark test train part), 1301 articles:"), d.err());
        assertTrue(d.err().contains("  known n-gram share: mean "), d.err());
    }

    @Test
    void strictStopsAtTheFirstBadRowNamingIt() {
        Run r = score(csv, "csv", dir.resolve("strict"), "parquet", "--strict");
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertTrue(r.err().contains("articles.csv: row without id (title 'A title without id'), column 'ID': malformed record"), r.err());
        assertFalse(Files.exists(dir.resolve("strict")));
    }

    @Test
    void refusesAnExistingOutputAndAMissingColumn() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Run r = score(csv, "csv", taken, "parquet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--output " + taken + " exists"), r.err());

        List<String> args = columns("score", csv, "csv");
        args.set(args.indexOf("content_original"), "body");
        args.addAll(List.of("--output", dir.resolve("never").toString()));
        Run m = run(args.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, m.code(), m.err());
        assertTrue(m.err().contains("the input has no column 'body' (the text column)"), m.err());
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
