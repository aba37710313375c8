package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link AtomicOutput} does with each kind of output path: a regular file (or a new one) is replaced whole,
 * through a symbolic link if there is one (the link is kept); a FIFO or a device node is written through, never
 * renamed over; a folder is refused, naming the output. Device nodes are made in the test's own folder
 * ({@code mknod}, root only), never under /dev.
 */
class OutputKindsTest {
    @TempDir
    Path dir;

    private static BasicFileAttributes lstat(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean run(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aSymlinkToARegularFileKeepsTheLinkAndItsTargetIsReplacedWhole() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path real = Files.writeString(elsewhere.resolve("real.csv"), "old");
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("out.csv"), Path.of("../elsewhere/real.csv"));
        AtomicOutput.write(link, out -> out.writer().write("new"));
        assertTrue(lstat(link).isSymbolicLink(), "the link is still a link");
        assertEquals(Path.of("../elsewhere/real.csv"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of("real.csv"), listing(elsewhere), "no temporary file left beside the target");
        assertEquals(List.of("out.csv"), listing(links));
    }

    @Test
    void aDanglingSymlinkCreatesTheFileItPointsTo() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), Path.of("made.csv"));
        AtomicOutput.write(link, out -> out.writer().write("made"));
        assertTrue(lstat(link).isSymbolicLink());
        assertEquals("made", Files.readString(dir.resolve("made.csv")));
    }

    @Test
    void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is not available");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        try {
            try (AtomicOutput out = AtomicOutput.open(fifo)) {
                out.writer().write("through the pipe\n");
                out.commit();
            }
            assertTrue(lstat(fifo).isOther(), "the FIFO is still a FIFO, not a regular file");
            assertEquals("through the pipe\n", read.get(60, TimeUnit.SECONDS));
            assertEquals(List.of("pipe.csv"), listing(dir));
        } finally {
            if (!read.isDone() && lstat(fifo).isOther()) {
                // Unblock the reader if the test failed before opening the FIFO for writing.
                Files.newOutputStream(fifo).close();
            }
        }
    }

    @Test
    void aDeviceNodeIsWrittenThroughAndStaysADevice() throws IOException {
        Path nul = dir.resolve("null");
        assumeTrue(run("mknod", nul.toString(), "c", "1", "3"), "mknod is not allowed (not root)");
        try (AtomicOutput out = AtomicOutput.open(nul)) {
            out.writer().write("discarded");
            out.commit();
        }
        assertTrue(lstat(nul).isOther(), "the device node is still a device node");
        assertEquals(List.of("null"), listing(dir));
    }

    @Test
    void aWriteErrorOnADeviceNamesTheOutput() throws IOException {
        Path full = dir.resolve("full");
        assumeTrue(run("mknod", full.toString(), "c", "1", "7"), "mknod is not allowed (not root)");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(full, out -> {
            out.writer().write("x".repeat(1 << 20));
            out.writer().flush();
        }));
        assertEquals("cannot write " + full + ": No space left on device", e.getMessage());
        assertTrue(lstat(full).isOther());
    }

    @Test
    void aFolderIsRefusedNamingTheOutputAndLeftAlone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out.csv"));
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(folder, out -> out.writer().write("x")));
        assertEquals("cannot write " + folder + ": it is a folder", e.getMessage());
        assertTrue(Files.isDirectory(folder));
        assertEquals(List.of("out.csv"), listing(dir));
        assertFalse(e.getMessage().contains(AtomicOutput.TEMP_SUFFIX));
    }
}
