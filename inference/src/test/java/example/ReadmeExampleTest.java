package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example is this package's {@link ReadmeExample}, quoted whole; it runs here. */
class ReadmeExampleTest {
    @Test
    void theReadmeQuotesTheExampleWhole() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String example = Files.readString(Path.of("src", "test", "java", "example", "ReadmeExample.java"));
        assertTrue(readme.contains("```java\n" + example + "```\n"),
                "README.md must quote inference/src/test/java/example/ReadmeExample.java whole, in a ```java block");
    }

    @Test
    void theExampleRunsAndPrintsTheLibrarysPredictions(@TempDir Path dir) throws Exception {
        Path bundle = TestBundles.write(dir.resolve("tiny.slant"));
        List<String> lines = ReadmeExample.run(bundle);
        SlantClassifier slant = SlantClassifier.load(bundle);
        Prediction p = slant.classify(Article.of("a1", "Senate passes the tax bill",
                "The Senate passed the tax bill on Tuesday. Democrats said it favours the rich."));
        assertTrue(lines.get(0).startsWith("stance: " + p.target("stance").labelIfAny().orElse("(abstains")), lines.get(0));
        assertTrue(lines.contains("a1 stance=" + p.target("stance").labelIfAny().orElse("-")), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("a2 stance=")).count());
        long explained = p.targets().stream().filter(t -> !t.abstained()).count();
        assertEquals(explained, lines.stream().filter(l -> l.contains(" decision value ")).count(), lines.toString());
    }
}
