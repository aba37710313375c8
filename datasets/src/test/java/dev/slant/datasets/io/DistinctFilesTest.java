package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistinctFilesTest {
    @TempDir
    Path dir;

    private String refused(DistinctFiles files) {
        return assertThrows(SameFileException.class, files::verify).getMessage();
    }

    @Test
    void theSamePathReadAndWrittenIsRefusedNamingBothOptions() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "x");
        assertEquals("--output and --input are the same file: " + in + " (--output would replace it)",
                refused(new DistinctFiles().reads("--input", in).writes("--output", in)));
    }

    @Test
    void spellingsLinksAndHardLinksOfOneFileAreTheSameFile() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "x");
        Files.createDirectories(dir.resolve("sub"));
        Path dotted = dir.resolve("sub/../in.csv");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in.getFileName());
        Path hard = Files.createLink(dir.resolve("hard.csv"), in);
        for (Path other : new Path[] {dotted, link, hard}) {
            assertEquals("--rejects " + other + " and --input " + in + " are the same file (--rejects would replace it)",
                    refused(new DistinctFiles().reads("--input", in).writes("--rejects", other)));
        }
    }

    @Test
    void twoNewOutputsSpelledDifferentlyAreTheSameFile() {
        Path a = dir.resolve("new.csv");
        Path b = dir.resolve("./new.csv");
        assertEquals("--output " + a + " and --rejects " + b + " are the same file (one would replace the other)",
                refused(new DistinctFiles().writes("--output", a).writes("--rejects", b)));
    }

    @Test
    void aDanglingLinkWrittenIsTheFileItWouldCreate() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), Path.of("made.csv"));
        assertEquals("--output " + link + " and --rejects " + dir.resolve("made.csv") + " are the same file"
                        + " (one would replace the other)",
                refused(new DistinctFiles().writes("--output", link).writes("--rejects", dir.resolve("made.csv"))));
    }

    @Test
    void aFileWrittenInsideAFolderReadIsRefused() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path out = corpus.resolve("export.csv");
        assertEquals("--output " + out + " is inside the folder " + corpus.toRealPath() + " that --corpus reads:"
                + " give --output a path outside it", refused(new DistinctFiles().readsFolder("--corpus", corpus)
                .writes("--output", out)));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path in = Files.writeString(work.resolve("in.csv"), "x");
        assertEquals("--input " + in + " is inside the folder " + work.toRealPath() + " that --work writes into:"
                + " give --work a path outside it", refused(new DistinctFiles().reads("--input", in)
                .writesFolder("--work", work)));
    }

    @Test
    void distinctFilesDevicesStdioAndReadsTwiceAreAccepted() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "x");
        Path model = Files.writeString(dir.resolve("m.slant"), "x");
        assertDoesNotThrow(() -> new DistinctFiles().reads("--input", in).reads("--model", model)
                .reads("--again", in).writes("--output", dir.resolve("out.csv")).writes("--rejects", dir.resolve("r.csv"))
                .writes("--null", Path.of("/dev/null")).writes("--null-too", Path.of("/dev/null"))
                .writes("--stdout", Path.of("-")).reads("--stdin", Path.of("-")).writes("--none", null).verify());
    }
}
