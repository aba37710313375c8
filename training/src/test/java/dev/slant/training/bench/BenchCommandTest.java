package dev.slant.training.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.cli.CliRun;
import dev.slant.datasets.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slant bench} end to end on a small synthetic corpus (the real figures come from the real corpus). */
class BenchCommandTest {
    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        String[][] cues = {{"climate", "justice", "workers"}, {"bipartisan", "compromise", "moderate"}, {"tax", "border", "freedom"}};
        String[] stances = {"left", "center", "right"};
        String[] neutral = {"the", "senate", "vote", "bill", "said", "state", "policy", "house"};
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("id,title,text,stance,host"));
        for (int i = 0; i < 300; i++) {
            int outlet = i % 12;
            int stance = outlet % 3;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 60; w++) {
                text.append(random.nextDouble() < 0.3 ? cues[stance][random.nextInt(3)] : neutral[random.nextInt(neutral.length)]).append(' ');
            }
            lines.add("n" + i + ",Title " + i + "," + text.toString().strip() + "," + stances[stance] + ",www.outlet" + outlet + ".com");
        }
        Path csv = dir.resolve("news.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void printsOneMarkdownTableWithSlantsRowAndSaysWhichPeersRanOrWereSkipped() throws IOException {
        Path work = dir.resolve("work");
        CliRun r = CliRun.of("bench", "--input", corpus().toString(), "--id-column", "id", "--title-column", "title",
                "--label", "stance=stance", "--meta", "host=host", "--split", "stratified", "--peers", "--threads", "2",
                "--seconds", "0.05", "--quiet", "--work", work.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> table = r.out().lines().filter(l -> l.startsWith("|")).toList();
        assertTrue(table.get(0).startsWith("| system | training s | 1 thread articles/s | 1 thread MB/s | 2 threads articles/s"), r.out());
        String slant = table.get(2);
        assertTrue(slant.startsWith("| Slant | "), r.out());
        assertEquals(13, slant.split("\\|", -1).length - 1, "12 figures: " + slant);
        assertTrue(!slant.contains("n/a"), "Slant measures every figure: " + slant);
        for (String peer : List.of("fastText", "scikit-learn")) {
            boolean ran = table.stream().anyMatch(l -> l.startsWith("| " + peer + " | "))
                    && table.stream().anyMatch(l -> l.startsWith("| Slant / " + peer + " | "));
            boolean skipped = r.out().contains("- " + peer + " skipped: ");
            assertTrue(ran != skipped, peer + " either ran or was skipped, said so: " + r.out());
        }
        assertTrue(r.out().contains("scoring heap: a child JVM with -Xmx256m loaded the bundle"), r.out());
        assertTrue(Files.isRegularFile(work.resolve("slant-bench.slant")));
    }
}
