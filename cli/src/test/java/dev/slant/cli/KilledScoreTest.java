package dev.slant.cli;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.AtomicOutput;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TestBundles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A {@code slant score} child JVM (under -Xmx256m) killed while it scores a large input, with SIGKILL
 * ({@code destroyForcibly}) or SIGTERM ({@code destroy}): the output path holds the old file, or nothing if there
 * was none, never a partial file. SIGTERM leaves no temporary file (a shutdown hook deletes them); SIGKILL cannot
 * be caught, and the next run that writes the same output deletes the stale one. The input is a named pipe the
 * test keeps feeding, so the child is certainly mid-way (reading, scoring and writing its temporary files) when it
 * is killed. No timing is asserted: the waits only guard against a hang.
 */
class KilledScoreTest {
    /** Give up waiting for the child after this long (a guard against a hang, not a speed test). */
    static final long GIVE_UP_SECONDS = 120;

    @TempDir
    Path dir;

    /** How the child is stopped. */
    private enum Kill {
        SIGKILL, SIGTERM
    }

    @Test
    void aKilledRunLeavesNoOutput() throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path output = outDir.resolve("scores.csv");
        killMidWay(Kill.SIGKILL, output, null);
        assertFalse(Files.exists(output), "a killed run leaves no file at the output path");
    }

    @Test
    void sigkillKeepsTheOldOutputAndTheNextRunCleansTheStaleTemporaryFiles() throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path output = Files.writeString(outDir.resolve("scores.csv"), "the old scores\n");
        Path rejects = outDir.resolve("rejects.csv");
        killMidWay(Kill.SIGKILL, output, rejects);
        assertEquals("the old scores\n", Files.readString(output), "the old output is intact");
        assertFalse(Files.exists(rejects));
        assertEquals(2, partFiles(outDir).size(), "SIGKILL cannot be caught: its temporary files stay, "
                + partFiles(outDir));

        Path input = dir.resolve("small.csv");
        try (Writer w = Files.newBufferedWriter(input); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("id", "title", "text");
            int i = 0;
            for (LabelledArticle a : Synthetic.articles(20, 3)) {
                p.printRecord("s" + i++, a.article().title(), a.article().text());
            }
        }
        CliRun next = CliRun.of("score", "--model", dir.resolve("tiny.slant").toString(), "--input", input.toString(),
                "--id-column", "id", "--title-column", "title", "--output", output.toString(), "--rejects",
                rejects.toString(), "--quiet");
        assertEquals(ExitCodes.OK, next.code(), next.err());
        assertEquals(21, Files.readAllLines(output).size());
        assertEquals(List.of(), partFiles(outDir), "the next run deleted the killed run's temporary files");
    }

    @Test
    void sigtermKeepsTheOldOutputAndLeavesNoTemporaryFile() throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path output = Files.writeString(outDir.resolve("scores.csv"), "the old scores\n");
        Path rejects = outDir.resolve("rejects.csv");
        int code = killMidWay(Kill.SIGTERM, output, rejects);
        assertNotEquals(0, code, "a run stopped by SIGTERM does not report success");
        assertEquals("the old scores\n", Files.readString(output), "the old output is intact");
        assertFalse(Files.exists(rejects));
        assertEquals(List.of(), partFiles(outDir), "the shutdown hook deleted the temporary files");
    }

    /**
     * Starts {@code slant score} on an endless pipe, waits until its temporary output holds data, stops it.
     *
     * @return the child's exit code
     */
    private int killMidWay(Kill kill, Path output, Path rejects) throws Exception {
        Path fifo = dir.resolve("input.csv");
        assumeTrue(mkfifo(fifo), "skipped: mkfifo is not available");
        Path bundle = TestBundles.write(dir.resolve("tiny.slant"));
        Path log = dir.resolve("child.err");
        List<String> args = new java.util.ArrayList<>(List.of("score", "--model", bundle.toString(), "--input",
                fifo.toString(), "--id-column", "id", "--title-column", "title", "--output", output.toString(),
                "--threads", "2"));
        if (rejects != null) {
            args.addAll(List.of("--rejects", rejects.toString()));
        }
        Process child = new ProcessBuilder(ChildSlant.command(List.of(), "256m", args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<LabelledArticle> pool = Synthetic.articles(500, 11);
        AtomicLong fed = new AtomicLong();
        Thread feeder = new Thread(() -> feed(fifo, pool, fed), "feeder");
        feeder.setDaemon(true);
        feeder.start();
        Path outDir = output.getParent();
        String tempOfOutput = "." + output.getFileName() + ".";
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
            while (partFiles(outDir).stream().filter(p -> p.getFileName().toString().startsWith(tempOfOutput))
                    .mapToLong(KilledScoreTest::size).sum() == 0L) {
                if (!child.isAlive()) {
                    fail("the child ended before it was killed: " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail("the child wrote nothing in " + GIVE_UP_SECONDS + " s: " + Files.readString(log));
                }
                Thread.sleep(20);
            }
            assertTrue(child.isAlive());
            if (kill == Kill.SIGKILL) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertTrue(child.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS), "the child ends after " + kill);
        } finally {
            child.destroyForcibly();
            child.waitFor();
            feeder.interrupt();
            feeder.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertTrue(fed.get() > 1000, "the child was mid-way: " + fed.get() + " articles fed");
        return child.exitValue();
    }

    /** Writes articles into the pipe until the reader goes away. */
    private static void feed(Path fifo, List<LabelledArticle> pool, AtomicLong fed) {
        try (OutputStream os = Files.newOutputStream(fifo);
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("id", "title", "text");
            for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
                Article a = pool.get((int) (i % pool.size())).article();
                p.printRecord("r" + i, a.title(), a.text());
                fed.incrementAndGet();
            }
        } catch (IOException e) {
            // The child was killed: the pipe is broken. That is the point of the test.
        }
    }

    private static List<Path> partFiles(Path outDir) throws IOException {
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(AtomicOutput.TEMP_SUFFIX)).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0L;
        }
    }

    private static boolean mkfifo(Path fifo) {
        try {
            return new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
