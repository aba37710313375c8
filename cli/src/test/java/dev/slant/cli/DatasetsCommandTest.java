package dev.slant.cli;

import dev.slant.inference.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsCommandTest {
    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path csv = dir.resolve("news.csv");
        Files.writeString(csv, String.join("\r\n",
                "id,headline,body,leaning",
                "a1,One,\"The senate passed the bill.\",left",
                "a2,Two,\"The house voted, again.\nA second line.\",right",
                "a3,Three,,left",
                "a4,Four,\"The senate passed the bill.\",right",
                ""), StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void statsCountsRejectsLabelsAndConflictingDuplicates() throws IOException {
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = CliRun.of("datasets", "stats", "--input", fixture().toString(), "--id-column", "id", "--title-column", "headline",
                "--text-column", "body", "--label", "stance=leaning", "--rejects", rejects.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("read 4 records: 3 accepted, 1 rejected"), r.out());
        assertTrue(r.out().contains("  rejected, empty text: 1"), r.out());
        assertTrue(r.out().contains("target stance: 2 labels"), r.out());
        assertTrue(r.out().contains("duplicates (same normalized text): 1 groups, 1 extra copies"), r.out());
        assertTrue(r.out().contains("with conflicting stance labels: 1 exact, 0 near"), r.out());
        List<String> rejected = Files.readAllLines(rejects);
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(1).endsWith("news.csv,3,5,body,EMPTY_TEXT,,\"a3,Three,,left\""), rejected.get(1));
    }

    @Test
    void strictStopsAtTheBadRecordWithExitCode65() throws IOException {
        CliRun r = CliRun.of("datasets", "stats", "--input", fixture().toString(), "--id-column", "id", "--text-column", "body",
                "--label", "stance=leaning", "--strict");
        assertEquals(ExitCodes.DATA, r.code());
        assertTrue(r.err().contains("news.csv: record 3 (line 5), column 'body': empty text"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void exportWritesTheAcceptedArticlesWhole() throws IOException {
        Path out = dir.resolve("out.jsonl");
        CliRun r = CliRun.of("datasets", "export", "--input", fixture().toString(), "--id-column", "id", "--text-column", "body",
                "--label", "stance=leaning", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("\"id\":\"a2\""), lines.get(1));
        assertTrue(r.err().contains("wrote 3 articles"), r.err());
    }

    @Test
    void exportScrubsFingerprintsAndListsWhatItRemoved() throws IOException {
        Path csv = dir.resolve("wire.csv");
        Files.writeString(csv, String.join("\n",
                "id,body,leaning",
                "w1,\"WASHINGTON (Reuters) - The senate passed the bill.\",center",
                "w2,\"The house voted again.\",left",
                ""), StandardCharsets.UTF_8);
        Path out = dir.resolve("scrubbed.csv");
        CliRun r = CliRun.of("datasets", "export", "--input", csv.toString(), "--id-column", "id", "--text-column", "body",
                "--label", "stance=leaning", "--scrub", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        String written = Files.readString(out);
        assertFalse(written.contains("Reuters"), written);
        assertTrue(written.contains("The senate passed the bill."), written);
        assertTrue(r.err().contains("changed 1 of 2 articles"), r.err());
        assertTrue(r.err().contains("DATELINE"), r.err());
    }

    @Test
    void aMissingCorpusIsBadInputNamingTheFolder() {
        CliRun r = CliRun.of("datasets", "stats", "--corpus", "liar", "--data", dir.resolve("nowhere").toString());
        assertEquals(ExitCodes.DATA, r.code());
        assertTrue(r.err().contains("corpus 'liar' not found under the data root"), r.err());
        assertFalse(r.err().contains("SLANT_DEBUG"), r.err());
    }
}
