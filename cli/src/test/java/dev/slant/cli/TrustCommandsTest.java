package dev.slant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.training.NewsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time split, a whole labelled file as a test set, invariance and drift, through the commands. */
class TrustCommandsTest {
    @TempDir
    Path dir;

    /** 300 articles of {@link NewsCsv} with a date column: article i on day 3i from 2015, every 10th undated, one out of range. */
    private Path corpus() throws IOException {
        List<String> lines = NewsCsv.lines(300, 40, 5);
        List<String> dated = new ArrayList<>();
        dated.add(lines.get(0) + ",date");
        for (int i = 1; i < lines.size(); i++) {
            String date = i == 7 ? "0001-11-30" : i % 10 == 0 ? "" : LocalDate.of(2015, 1, 1).plusDays(3L * i).toString();
            dated.add(lines.get(i) + "," + date);
        }
        return NewsCsv.write(dir.resolve("news.csv"), dated);
    }

    private String[] data(Path csv, String... more) {
        List<String> args = new ArrayList<>(List.of("--input", csv.toString(), "--id-column", "id", "--title-column", "title",
                "--label", "stance=stance", "--meta", "host=host", "--meta", "date=date"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static CliRun run(List<String> command, String[] data) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(data));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aTimeSplitTrainsBeforeTheCutAndEvaluateRepeatsItWithInvariance() throws Exception {
        Path csv = corpus();
        Path model = dir.resolve("time.slant");
        CliRun t = run(List.of("train", "--split", "time", "--before", "2016-10-01", "--no-outlet-cv", "--min-outlets", "2",
                "--quiet", "--out", model.toString()), data(csv));
        assertEquals(ExitCodes.OK, t.code(), t.err());
        assertTrue(t.out().contains("split time:2016-10-01: later articles beside in-period ones"), t.out());
        assertTrue(t.out().contains("stance, later minus in-period"), t.out());
        assertTrue(t.out().contains("30 no date; 1 before 1900-01-01 (0001-11-30)"), t.out());
        assertTrue(t.out().contains("stance, invariance on the time:2016-10-01 test part"), t.out());
        JsonNode metrics = BundleReader.read(model).manifest().metrics();
        assertEquals("time:2016-10-01", metrics.path("split").asText());
        assertEquals("2016-10-01", metrics.path("timeSplit").path("before").asText());
        assertTrue(metrics.path("drift").path("knownShareCounts").isArray(), metrics.toString());
        assertTrue(metrics.path("invariance").path("rows").size() >= 9, metrics.toString());
        assertTrue(BundleReader.read(model).modelCard().contains("## Invariance"));

        CliRun e = run(List.of("evaluate", "--model", model.toString(), "--invariance"), data(csv));
        assertEquals(ExitCodes.OK, e.code(), e.err());
        // The bundle's split, cut included, made again: the same figures as at training.
        String table = t.out().substring(t.out().indexOf("== split time:"), t.out().indexOf("* The in-period part"));
        assertTrue(e.out().contains(table), table + "\n" + e.out());
        assertTrue(e.out().contains("perturbations that must not change the label"), e.out());

        CliRun bad = run(List.of("evaluate", "--model", model.toString(), "--split", "stratified", "--before", "2016-01-01"),
                data(csv));
        assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
        assertTrue(bad.err().contains("--before goes with --split time or outlet-time"), bad.err());
    }

    @Test
    void aLabelledFileIsATestSetWholeBesideTheTrainingMajorityAndScoringReportsDrift() throws Exception {
        Path csv = corpus();
        Path model = dir.resolve("strat.slant");
        CliRun t = run(List.of("train", "--split", "stratified", "--no-outlet-cv", "--min-outlets", "2", "--quiet",
                "--out", model.toString()), data(csv));
        assertEquals(ExitCodes.OK, t.code(), t.err());
        // Another file than the training data (here the same articles in another order) is tested whole.
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(csv));
        java.util.Collections.reverse(lines.subList(1, lines.size()));
        Path other = NewsCsv.write(dir.resolve("other.csv"), lines);
        CliRun e = run(List.of("evaluate", "--model", model.toString()), data(other));
        assertEquals(ExitCodes.OK, e.code(), e.err());
        String row = e.out().lines().filter(l -> l.startsWith("whole split, test part")).findFirst().orElse("");
        assertTrue(row.matches("whole split, test part +300 .*"), "every article is tested\n" + e.out());

        CliRun s = CliRun.of("score", "--model", model.toString(), "--input", csv.toString(), "--id-column", "id",
                "--title-column", "title", "--meta", "host=host", "--output", dir.resolve("out.jsonl").toString());
        assertEquals(ExitCodes.OK, s.code(), s.err());
        assertTrue(s.err().contains("drift from the training data (stratified train part"), s.err());
        assertTrue(s.err().contains("known n-gram share: mean"), s.err());
    }
}
