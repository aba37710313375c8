package dev.slant.inference.report;

import dev.slant.inference.eval.CrossValidationTest;
import dev.slant.inference.eval.Outcomes;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.eval.TargetResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    @TempDir
    Path dir;

    private static TargetEvaluation stance() {
        return TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("a", "LCRR", "LCRL"));
    }

    private List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheReportsAndTwoPicturesPerTargetAndNothingElse() throws Exception {
        Path out = dir.resolve("reports").resolve("run-1");
        List<TargetResult> results = List.of(stance(), CrossValidationTest.threeFolds().folds().get(0),
                TargetEvaluation.of("topic", List.of("a", "b"), false, "a", Outcomes.of("t", "ab", "aa")));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(out, results));
        assertEquals("target 'stance' is in the report twice", twice.getMessage());

        List<TargetResult> distinct = List.of(CrossValidationTest.threeFolds(),
                TargetEvaluation.of("topic", List.of("a", "b"), false, "a", Outcomes.of("t", "ab", "aa")));
        List<Path> written = ReportWriter.write(out, distinct);
        assertEquals(List.of("report.md", "report.json", "confusion-stance.svg", "reliability-stance.svg",
                "confusion-topic.svg", "reliability-topic.svg"), written.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of("confusion-stance.svg", "confusion-topic.svg", "reliability-stance.svg",
                "reliability-topic.svg", "report.json", "report.md"), listing(out), "no temporary file left behind");
        assertEquals(MarkdownReport.render(distinct), Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8));
        assertEquals(JsonReport.render(distinct), Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8));
        assertEquals(ConfusionMatrixSvg.render(CrossValidationTest.threeFolds().pooled()),
                Files.readString(out.resolve("confusion-stance.svg")), "a cross-validation is drawn pooled");
        ReportRenderingTest.parse(Files.readString(out.resolve("reliability-topic.svg")));
    }

    @Test
    void aReportFileThatIsALinkIsWrittenWhereItPointsThroughTheSharedAtomicOutput() throws Exception {
        Path kept = Files.createDirectories(dir.resolve("kept"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve(ReportWriter.MARKDOWN), Path.of("../kept/report.md"));
        Files.writeString(out.resolve(".report.json.1-1" + dev.slant.datasets.io.AtomicOutput.TEMP_SUFFIX),
                "a stale temporary file of a killed run (PID 1 is alive: it stays)");
        ReportWriter.write(out, List.of(stance()));
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals(MarkdownReport.render(List.of(stance())), Files.readString(kept.resolve("report.md")));
        assertEquals(List.of(".report.json.1-1.part", "confusion-stance.svg", "reliability-stance.svg", "report.json",
                "report.md"), listing(out));
    }

    @Test
    void rewritingReplacesEachFileWhole() throws Exception {
        ReportWriter.write(dir, List.of(stance()));
        TargetEvaluation better = TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("a", "LCRR", "LCRR"));
        ReportWriter.write(dir, List.of(better));
        assertEquals(MarkdownReport.render(List.of(better)), Files.readString(dir.resolve("report.md")));
        assertEquals(4, listing(dir).size());
    }

    @Test
    void aFolderThatIsAFileFailsNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(file, List.of(stance())));
        assertTrue(e.getMessage().contains("taken"), e.getMessage());
        assertEquals(List.of("taken"), listing(dir));
    }

    @Test
    void aFileThatCannotBeReplacedLeavesNoTemporaryFile() throws Exception {
        Files.createDirectories(dir.resolve("report.json"));
        Files.writeString(dir.resolve("report.json").resolve("inside"), "x");
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(dir, List.of(stance())));
        assertTrue(e.getMessage().startsWith("cannot write " + dir.resolve("report.json") + ": "), e.getMessage());
        assertEquals(List.of("report.json", "report.md"), listing(dir), "report.md was written, then report.json failed");
    }

    @Test
    void targetNamesMustSuitFileNames() {
        TargetEvaluation bad = TargetEvaluation.of("../stance", LCR, true, "R", Outcomes.of("a", "L", "L"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(dir, List.of(bad)));
        assertEquals("target name '../stance' cannot be part of a file name (letters, digits, '.', '_' and '-',"
                + " starting with a letter or digit)", e.getMessage());
    }
}
