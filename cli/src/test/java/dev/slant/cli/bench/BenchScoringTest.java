package dev.slant.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.cli.CliRun;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.TestBundles;
import dev.slant.training.NewsCsv;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slant bench scoring} end to end on a small file, without fastText (the real figures come from the corpus). */
class BenchScoringTest {
    @TempDir
    Path dir;

    @Test
    void printsMegabytesArticlesAndHeapForOneAndTwoThreads() throws Exception {
        Path bundle = TestBundles.write(dir.resolve("tiny.slant"));
        Path csv = NewsCsv.write(dir.resolve("news.csv"), NewsCsv.lines(200, 60, 5));
        CliRun r = CliRun.of("bench", "scoring", "--input", csv.toString(), "--model", bundle.toString(),
                "--id-column", "id", "--title-column", "title", "--threads", "2", "--rounds", "1", "--no-fasttext",
                "--quiet", "--work", dir.resolve("work").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> table = r.out().lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(4, table.size(), r.out());
        assertTrue(table.get(0).startsWith("| command | seconds, median (fastest - slowest) | MB/s of input | MB/s of "
                + "text | articles/s | peak heap |"), r.out());
        assertTrue(table.get(2).startsWith("| slant score, 1 thread | "), r.out());
        assertTrue(table.get(3).startsWith("| slant score, 2 threads | "), r.out());
        for (String row : table.subList(2, 4)) {
            String[] cells = row.split("\\|");
            assertTrue(cells[6].strip().endsWith("MB") || cells[6].strip().endsWith("KB"), "a peak heap: " + row);
        }
        assertTrue(r.out().contains("200 articles"), r.out());
    }
}
