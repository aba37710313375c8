package dev.slant.cli;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.AtomicOutput;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A {@code slant score} child JVM (under -Xmx256m) killed with {@code destroyForcibly} while it scores a large
 * input leaves no file at the output path. The input is a named pipe the test keeps feeding, so the child is
 * certainly mid-way (reading, scoring and writing its temporary file) when it is killed.
 */
class KilledScoreTest {
    /** Give up waiting for the child to start writing after this long (a guard against a hang, not a speed test). */
    static final long GIVE_UP_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesNoOutput() throws Exception {
        Path fifo = dir.resolve("input.csv");
        assumeTrue(mkfifo(fifo), "skipped: mkfifo is not available");
        Path bundle = TestBundles.write(dir.resolve("tiny.slant"));
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path output = outDir.resolve("scores.csv");
        Path log = dir.resolve("child.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SlantCli.class.getName(), "score", "--model", bundle.toString(), "--input", fifo.toString(),
                "--id-column", "id", "--title-column", "title", "--output", output.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<LabelledArticle> pool = Synthetic.articles(500, 11);
        AtomicLong fed = new AtomicLong();
        Thread feeder = new Thread(() -> feed(fifo, pool, fed), "feeder");
        feeder.setDaemon(true);
        feeder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
            while (partFile(outDir).map(KilledScoreTest::size).orElse(0L) == 0L) {
                if (!child.isAlive()) {
                    fail("the child ended before it was killed: " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail("the child wrote nothing in " + GIVE_UP_SECONDS + " s: " + Files.readString(log));
                }
                Thread.sleep(20);
            }
            assertTrue(child.isAlive());
            child.destroyForcibly().waitFor();
        } finally {
            child.destroyForcibly();
            child.waitFor();
            feeder.interrupt();
            feeder.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertTrue(fed.get() > 1000, "the child was mid-way: " + fed.get() + " articles fed");
        assertFalse(Files.exists(output), "a killed run leaves no file at the output path");
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

    private static Optional<Path> partFile(Path outDir) throws IOException {
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(AtomicOutput.TEMP_SUFFIX)).findFirst();
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
