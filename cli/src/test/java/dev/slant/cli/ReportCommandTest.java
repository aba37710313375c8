package dev.slant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slant report}: a scored file's charts as a static report, and its refusals. */
class ReportCommandTest {
    @Test
    void writesTheReportAndRefusesWhatItCannotRead(@TempDir Path dir) throws Exception {
        Path scored = dir.resolve("scored.csv");
        Files.writeString(scored, "id,outlet,date,stance,stance_probability\n1,A,2020-01-02,left,0.6\n2,B,2020-02-03,,\n3,A,,right,0.7\n");
        CliRun run = CliRun.of("report", "--input", scored.toString(), "--out", dir.resolve("r").toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.err().startsWith("slant report: 3 articles, 3 charts -> "), run.err());
        assertTrue(Files.exists(dir.resolve("r").resolve("index.html")));
        assertTrue(Files.exists(dir.resolve("r").resolve("stance-by-outlet.svg")));
        assertTrue(Files.exists(dir.resolve("r").resolve("stance-by-month.svg")));

        run = CliRun.of("report", "--input", dir.resolve("missing.csv").toString(), "--out", dir.resolve("r2").toString());
        assertEquals(ExitCodes.DATA, run.code(), run.err());
        Path plain = dir.resolve("articles.csv");
        Files.writeString(plain, "id,text\n1,no predictions here\n");
        run = CliRun.of("report", "--input", plain.toString(), "--out", dir.resolve("r3").toString());
        assertEquals(ExitCodes.DATA, run.code(), run.err());
        assertTrue(run.err().contains("no predictions found"), run.err());
        Path noSuffix = dir.resolve("scored.txt");
        Files.copy(scored, noSuffix);
        assertEquals(ExitCodes.USAGE, CliRun.of("report", "--input", noSuffix.toString(), "--out", dir.resolve("r4").toString()).code());
        assertEquals(ExitCodes.USAGE, CliRun.of("report", "--input", scored.toString(), "--out", scored.toString()).code());
    }
}
