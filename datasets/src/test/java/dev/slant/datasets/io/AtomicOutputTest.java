package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commitPutsTheWholeFileInPlace(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("hello ");
            out.writer().write("world\n");
            Path temp = out.tempFile();
            assertEquals(dir.toAbsolutePath(), temp.getParent(), "the temporary file is beside the target");
            assertTrue(temp.getFileName().toString().startsWith(".out.txt."));
            assertTrue(temp.getFileName().toString().endsWith(AtomicOutput.TEMP_SUFFIX));
            assertFalse(Files.exists(target));
            out.commit();
            assertTrue(out.committed());
        }
        assertEquals("hello world\n", Files.readString(target));
        assertEquals(List.of("out.txt"), listing(dir));
    }

    @Test
    void aFailureLeavesTheTargetUntouchedAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "the old content");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(target, out -> {
            out.writer().write("half of the new content");
            out.writer().flush();
            throw new IOException("disk on fire");
        }));
        assertEquals("disk on fire", e.getMessage());
        assertEquals("the old content", Files.readString(target));
        assertEquals(List.of("out.csv"), listing(dir));
    }

    @Test
    void closeWithoutCommitLeavesNoFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.csv");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.stream().write(new byte[] {1, 2, 3});
        }
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void closingTheStreamDoesNotCloseTheFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.bin");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.stream().write(7);
            out.stream().close();
            out.stream().write(8);
            out.commit();
        }
        assertArrayEquals(new byte[] {7, 8}, Files.readAllBytes(target));
    }

    @Test
    void replacesAnExistingTargetAndCreatesMissingFolders(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/out.txt");
        AtomicOutput.write(target, out -> out.writer().write("one"));
        AtomicOutput.write(target, out -> out.writer().write("two"));
        assertEquals("two", Files.readString(target));
        assertEquals(List.of("out.txt"), listing(target.getParent()));
    }

    @Test
    void gzNamesAreCompressedUnlessAskedNotTo(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("out.txt.gz");
        AtomicOutput.write(gz, out -> out.writer().write("compressed text"));
        byte[] bytes = Files.readAllBytes(gz);
        assertEquals((byte) 0x1f, bytes[0]);
        assertEquals((byte) 0x8b, bytes[1]);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertEquals("compressed text", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path raw = dir.resolve("already.gz");
        try (AtomicOutput out = AtomicOutput.openUncompressed(raw)) {
            out.stream().write(bytes);
            out.commit();
        }
        assertArrayEquals(bytes, Files.readAllBytes(raw));
    }

    @Test
    void aSecondCommitIsRefused(@TempDir Path dir) throws IOException {
        try (AtomicOutput out = AtomicOutput.open(dir.resolve("x"))) {
            out.commit();
            IllegalStateException e = assertThrows(IllegalStateException.class, out::commit);
            assertTrue(e.getMessage().endsWith(" is already committed"), e.getMessage());
        }
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("taken");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            // A folder appears at the target while the output is written: the rename fails.
            Files.createDirectory(target);
            Files.writeString(target.resolve("inside"), "x");
            out.writer().write("content");
            IOException e = assertThrows(IOException.class, out::commit);
            assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
            assertFalse(e.getMessage().contains(AtomicOutput.TEMP_SUFFIX), e.getMessage());
        }
        assertEquals(List.of("taken"), listing(dir));
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void writesUtf8(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("u.txt");
        AtomicOutput.write(target, out -> out.writer().write("é✓"));
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x9c, (byte) 0x93},
                Files.readAllBytes(target));
    }
}
