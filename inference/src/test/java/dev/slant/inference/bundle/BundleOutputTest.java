package dev.slant.inference.bundle;

import dev.slant.datasets.io.AtomicOutput;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TestBundles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bundles are written through the shared {@link AtomicOutput}: a bundle path that is a link is written where it
 * points (the link kept), and a bundle that cannot be written is an I/O failure (exit 1) in one line naming the
 * bundle, not bad data (65) naming a temporary file.
 */
class BundleOutputTest {
    @TempDir
    Path dir;

    private List<String> listing(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBundlePathThatIsALinkIsWrittenWhereItPointsAndStaysALink() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path link = Files.createSymbolicLink(dir.resolve("current.slant"), Path.of("models/v2.slant"));
        TestBundles.write(link);
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals(List.of("v2.slant"), listing(models), "the bundle, and no temporary file");
        assertEquals(List.of("stance", "topic", "veracity"), SlantClassifier.load(link).targets());
    }

    @Test
    void aBundleThatCannotBeWrittenIsAnIoFailureInOneLineNamingIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken.slant"));
        BundleException e = assertThrows(BundleException.class, () -> TestBundles.write(folder));
        assertEquals(ExitCodes.FAILURE, ExitCodes.of(e));
        StringWriter err = new StringWriter();
        ExitCodes.report(e, "slant train", new PrintWriter(err));
        assertEquals("slant train: cannot write " + folder + ": it is a folder\n", err.toString());
        assertEquals(List.of("taken.slant"), listing(dir));
    }
}
