package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files left by killed runs ({@code .NAME.PID-N.part}) are deleted when the same output is written
 * again, and only when that is safe: the PID is not a live process on this host and no process holds the file's
 * lock. A live process's temporary file, a locked one and other outputs' are left alone.
 */
class StaleTempTest {
    @TempDir
    Path dir;

    /** The PID of a process that has ended (a PID reused since would only make the test skip a deletion). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return pid;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDeadRunsTemporaryFileIsCleanedAndTheRestIsKept() throws Exception {
        long dead = deadPid();
        long self = ProcessHandle.current().pid();
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        Files.writeString(dir.resolve(".out.csv." + dead + "-1.part"), "half of a killed run's output");
        Files.writeString(dir.resolve(".out.csv." + dead + "-2.part.bak"), "not a temporary file's name");
        Files.writeString(dir.resolve(".out.csv.1-3.part"), "PID 1 is alive");
        Files.writeString(dir.resolve(".other.csv." + dead + "-1.part"), "another output's");
        Files.writeString(dir.resolve(".out.csv." + self + "-999999.part"), "this process's own");
        Path locked = Files.writeString(dir.resolve(".out.csv." + dead + "-4.part"), "locked by a writer elsewhere");
        try (FileChannel ch = FileChannel.open(locked, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            assertTrue(lock.isValid());
            AtomicOutput.write(target, out -> out.writer().write("new"));
        }
        assertEquals("new", Files.readString(target));
        assertEquals(Stream.of(".other.csv." + dead + "-1.part", ".out.csv." + dead + "-2.part.bak",
                ".out.csv." + dead + "-4.part", ".out.csv." + self + "-999999.part", ".out.csv.1-3.part", "out.csv")
                .sorted().toList(), listing(dir), "only the dead run's unlocked temporary file is gone");
    }
}
