package dev.slant.cli;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.AtomicOutput;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TestBundles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing a user owns is replaced by a misused command: every command that writes refuses files that are one
 * (by identity, through links and hard links) with exit code 2 and one line naming both options; outputs that
 * are links, or links to the process's stdout, are written where they point, the link kept; an output folder that
 * cannot be written gives one line naming the output (not a temporary file) and exit code 1; CSV cells that a
 * spreadsheet would run as formulas are neutralised.
 */
class OutputSafetyTest {
    static Path bundle;
    static byte[] bundleBytes;
    static List<Article> articles;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp(@TempDir Path shared) throws Exception {
        bundle = TestBundles.write(shared.resolve("tiny.slant"));
        bundleBytes = Files.readAllBytes(bundle);
        articles = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(50, 5)) {
            articles.add(a.article());
        }
    }

    static Path csv(Path file, List<Article> list) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("id", "title", "text", "stance");
            int i = 0;
            for (Article a : list) {
                p.printRecord(a.id(), a.title(), a.text(), i++ % 2 == 0 ? "left" : "right");
            }
        }
        return file;
    }

    static String[] score(Path model, Path input, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--input", input.toString(),
                "--id-column", "id", "--title-column", "title", "--output", output.toString(), "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Asserts a run was refused as a usage error in one line naming both options, and returns that line. */
    static String refused(CliRun run, String option, String other) {
        assertEquals(ExitCodes.USAGE, run.code(), run.err());
        String line = run.err().strip();
        assertFalse(line.contains("\n"), "one line: " + run.err());
        assertTrue(line.contains(option) && line.contains(other)
                && (line.contains("same file") || line.contains("inside the folder")), line);
        return line;
    }

    @Test
    void scoreRefusesAnOutputThatIsTheInputEvenThroughALinkOrAHardLink() throws IOException {
        Path in = csv(dir.resolve("in.csv"), articles);
        byte[] before = Files.readAllBytes(in);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in.getFileName());
        Path hard = Files.createLink(dir.resolve("hard.csv"), in);
        Files.createDirectories(dir.resolve("sub"));
        for (Path out : List.of(in, link, hard, dir.resolve("sub/../in.csv"))) {
            String line = refused(CliRun.of(score(bundle, in, out)), "--output", "--input");
            assertTrue(line.startsWith("slant score: "), line);
            assertArrayEquals(before, Files.readAllBytes(in), "the input is untouched");
        }
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void scoreRefusesToWriteOverTheModelOrTheRejectsOverTheOutputOrInput() throws IOException {
        Path in = csv(dir.resolve("in.csv"), articles);
        byte[] before = Files.readAllBytes(in);
        Path model = Files.copy(bundle, dir.resolve("model.slant"));
        refused(CliRun.of(score(model, in, model, "--format", "csv")), "--output", "--model");
        assertArrayEquals(bundleBytes, Files.readAllBytes(model), "the bundle is untouched");
        Path out = Files.writeString(dir.resolve("out.csv"), "precious");
        refused(CliRun.of(score(model, in, out, "--rejects", out.toString())), "--rejects", "--output");
        assertEquals("precious", Files.readString(out));
        refused(CliRun.of(score(model, in, out, "--rejects", in.toString())), "--rejects", "--input");
        assertArrayEquals(before, Files.readAllBytes(in));
        refused(CliRun.of(score(model, in, out, "--rejects", model.toString())), "--rejects", "--model");
        assertArrayEquals(bundleBytes, Files.readAllBytes(model));
    }

    @Test
    void everyOtherCommandThatWritesRefusesOneFileTwice() throws IOException {
        Path in = csv(dir.resolve("in.csv"), articles);
        byte[] before = Files.readAllBytes(in);
        String[] mapping = {"--input", in.toString(), "--id-column", "id", "--label", "stance=stance"};
        refused(CliRun.of(concat(new String[] {"train", "--out", in.toString()}, mapping)), "--out", "--input");
        refused(CliRun.of(concat(new String[] {"train", "--rejects", in.toString()}, mapping)), "--rejects", "--input");
        Path trainReport = dir.resolve("train-report");
        refused(CliRun.of(concat(new String[] {"train", "--out", dir.resolve("m.slant").toString(), "--report",
                trainReport.toString(), "--rejects", trainReport.resolve("test/rejects.csv").toString()}, mapping)),
                "--rejects", "--report");
        Path model = Files.copy(bundle, dir.resolve("model.slant"));
        refused(CliRun.of(concat(new String[] {"evaluate", "--model", model.toString(), "--rejects", model.toString()},
                mapping)), "--rejects", "--model");
        Path report = Files.createDirectories(dir.resolve("report"));
        refused(CliRun.of(concat(new String[] {"evaluate", "--model", model.toString(), "--report", report.toString(),
                "--rejects", report.resolve("report.md").toString()}, mapping)), "--report", "--rejects");
        refused(CliRun.of(concat(new String[] {"datasets", "export", "--output", in.toString()}, mapping)), "--output",
                "--input");
        refused(CliRun.of(concat(new String[] {"datasets", "stats", "--rejects", in.toString()}, mapping)), "--rejects",
                "--input");
        assertArrayEquals(before, Files.readAllBytes(in), "the input is untouched");
        assertArrayEquals(bundleBytes, Files.readAllBytes(model), "the bundle is untouched");

        Path work = Files.createDirectories(dir.resolve("work"));
        Path inWork = Files.copy(in, work.resolve("test-articles.jsonl"));
        CliRun bench = CliRun.of("bench", "--work", work.toString(), "--input", inWork.toString(), "--id-column", "id",
                "--label", "stance=stance", "--quiet");
        assertEquals(ExitCodes.USAGE, bench.code(), bench.err());
        assertTrue(bench.err().contains("--input") && bench.err().contains("--work"), bench.err());
        assertArrayEquals(before, Files.readAllBytes(inWork));
    }

    @Test
    void anOutputThatIsALinkIsWrittenWhereItPointsAndStaysALink() throws IOException {
        Path in = csv(dir.resolve("in.csv"), articles);
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), Path.of("real/scores.csv"));
        CliRun run = CliRun.of(score(bundle, in, link));
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals(articles.size() + 1, Files.readAllLines(real.resolve("scores.csv")).size());
    }

    @Test
    void anOutputLinkedToStdoutWritesToTheProcesssStdout() throws Exception {
        Path in = csv(dir.resolve("in.csv"), articles.subList(0, 5));
        Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), Path.of("/dev/stdout"));
        Process child = new ProcessBuilder(ChildSlant.command(List.of(), "256m", score(bundle, in, link)))
                .redirectError(dir.resolve("child.err").toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.err")));
        assertTrue(out.startsWith("id,"), out);
        assertEquals(6, out.lines().count(), out);
        assertTrue(Files.isSymbolicLink(link), "the link to /dev/stdout is kept, not replaced by a file");
        assertEquals(Path.of("/dev/stdout"), Files.readSymbolicLink(link));
    }

    /** Runs slant in a child JVM held to file permissions (as root: without the capability to override them). */
    private String runHeldToPermissions(int expectedCode, String... args) throws Exception {
        List<String> prefix = List.of();
        if (ChildSlant.root()) {
            prefix = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--");
            assumeTrue(new ProcessBuilder(concat(prefix.toArray(String[]::new), new String[] {"true"})).start().waitFor() == 0,
                    "setpriv cannot drop capabilities here");
        }
        Path log = Files.createTempFile(dir, "child", ".log");
        Process child = new ProcessBuilder(ChildSlant.command(prefix, "256m", args))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(expectedCode, child.exitValue(), out);
        return out;
    }

    @Test
    void aReadOnlyOutputFolderGivesOneLineNamingTheOutputAndExitCode1() throws Exception {
        Path in = csv(dir.resolve("in.csv"), articles.subList(0, 5));
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path out = locked.resolve("scores.csv");
        try {
            String log = runHeldToPermissions(ExitCodes.FAILURE, score(bundle, in, out));
            assertEquals("slant score: cannot write " + out + ": cannot create a file in its folder " + locked
                    + ": permission denied", log.strip());
            assertFalse(log.contains(AtomicOutput.TEMP_SUFFIX), log);
            assertFalse(Files.exists(out, LinkOption.NOFOLLOW_LINKS));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aReadOnlyOutputFileIsNotReplacedThoughItsFolderIsWritable() throws Exception {
        Path in = csv(dir.resolve("in.csv"), articles.subList(0, 5));
        Path out = Files.writeString(dir.resolve("precious.csv"), "keep me");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r--r--r--"));
        String log = runHeldToPermissions(ExitCodes.FAILURE, score(bundle, in, out));
        assertEquals("slant score: cannot write " + out + ": the file is read-only", log.strip());
        assertEquals("keep me", Files.readString(out));
    }

    @Test
    void aBundlePathThatIsAFolderIsOneLineAndExitCode1BeforeTraining() throws IOException {
        Path in = csv(dir.resolve("in.csv"), articles);
        Path folder = Files.createDirectories(dir.resolve("model.slant"));
        CliRun run = CliRun.of("train", "--input", in.toString(), "--id-column", "id", "--label", "stance=stance",
                "--out", folder.toString(), "--quiet");
        assertEquals(ExitCodes.FAILURE, run.code(), run.err());
        assertEquals("slant train: cannot write " + folder + ": it is a folder", run.err().strip());
    }

    @Test
    void scoreNeutralisesFormulaIdsInCsvButNotInJsonl() throws IOException {
        List<Article> hostile = List.of(Article.of("=HYPERLINK(\"http://evil.example\",\"x\")", "t", "the senate voted"),
                Article.of("+cmd", "t", "the house voted"), Article.of("-1+1", "t", "taxes"),
                Article.of("@SUM(A1)", "t", "health care"), Article.of("-7", "t", "a number"));
        Path in = csv(dir.resolve("in.csv"), hostile);
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.of(score(bundle, in, out));
        assertEquals(ExitCodes.OK, run.code(), run.err());
        List<String> ids = new ArrayList<>();
        for (var r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out)).getRecords()) {
            ids.add(r.get("id"));
        }
        assertEquals(List.of("'=HYPERLINK(\"http://evil.example\",\"x\")", "'+cmd", "'-1+1", "'@SUM(A1)", "-7"), ids);
        Path jsonl = dir.resolve("out.jsonl");
        assertEquals(ExitCodes.OK, CliRun.of(score(bundle, in, jsonl)).code());
        assertTrue(Files.readString(jsonl).contains("\"id\":\"+cmd\""));
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
