package dev.slant.cli.bench;

import dev.slant.cli.CliRun;
import dev.slant.inference.ExitCodes;
import dev.slant.training.NewsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slant bench} end to end on a small synthetic corpus (the real figures come from the real corpus). */
class BenchCommandTest {
    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        return NewsCsv.write(dir.resolve("news.csv"), NewsCsv.lines(300, 60, 7));
    }

    @Test
    void printsOneMarkdownTableWithSlantsRow() throws IOException {
        Path work = dir.resolve("work");
        CliRun r = CliRun.of("bench", "--input", corpus().toString(), "--id-column", "id", "--title-column", "title",
                "--label", "stance=stance", "--meta", "host=host", "--split", "stratified", "--threads", "2",
                "--seconds", "0.05", "--quiet", "--work", work.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> table = r.out().lines().filter(l -> l.startsWith("|")).toList();
        assertTrue(table.get(0).startsWith("| system | training s | 1 thread articles/s | 1 thread MB/s | 2 threads articles/s"), r.out());
        String slant = table.get(2);
        assertTrue(slant.startsWith("| Slant | "), r.out());
        assertEquals(13, slant.split("\\|", -1).length - 1, "12 figures: " + slant);
        assertTrue(!slant.contains("n/a"), "Slant measures every figure: " + slant);
        assertEquals(3, table.size(), "header, separator, Slant: " + r.out());
        assertTrue(r.out().contains("- peers not run (add --peers)"), r.out());
        assertTrue(r.out().contains("scoring heap: a child JVM with -Xmx256m loaded the bundle"), r.out());
        assertTrue(Files.isRegularFile(work.resolve("slant-bench.slant")));
    }

    @Test
    void peersRunOnTheSameSplitOrAreSaidToBeSkipped() throws Exception {
        Path csv = corpus();
        var options = new dev.slant.cli.CorpusOptions();
        new picocli.CommandLine(options).parseArgs("--input", csv.toString(), "--id-column", "id", "--title-column", "title",
                "--label", "stance=stance", "--meta", "host=host");
        var corpus = options.corpus();
        BenchRequest request = new BenchRequest("stratified", List.of(corpus.target("stance")), true, 2, 42, 0.05, 256,
                dir.resolve("work"), dev.slant.training.WeightPruning.KEEP_ALL);
        // A small fastText model: its defaults make an 800 MB file whatever the data.
        List<Peer> peers = List.of(new FastTextPeer(List.of("-bucket", "1000", "-dim", "10")), new SklearnPeer(0.3));
        BenchReport report = new Bench(request, peers, dev.slant.training.Progress.NONE).run(() -> options.load(corpus));
        String out = report.markdown();
        for (Peer peer : peers) {
            boolean ran = report.rows().stream().anyMatch(row -> row.system().equals(peer.name()))
                    && out.contains("| Slant / " + peer.name() + " | ");
            boolean skipped = out.contains("- " + peer.name() + " skipped: ");
            assertTrue(ran != skipped, peer.name() + " either ran or was skipped, and says so: " + out);
            if (ran) {
                BenchRow row = report.rows().stream().filter(x -> x.system().equals(peer.name())).findFirst().orElseThrow();
                assertTrue(row.macroF1() > 0.5, "the cues separate the stances: " + row);
                assertTrue(row.oneThreadArticles() > 0 && row.trainSeconds() > 0 && row.bundleBytes() > 0, row.toString());
            }
        }
    }
}
