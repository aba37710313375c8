package dev.slant.datasets;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slant.datasets.corpus.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real corpora for tests, as the command line does ({@code SLANT_DATA}, else {@code ../shared/datasets}
 * beside the checkout). Where they are absent a test is skipped with a message saying so, except under
 * {@code CI=true}, where a missing corpus fails the run.
 */
public final class RealData {
    private RealData() {
    }

    /**
     * The folder of one corpus, or a skip (a failure in CI) when it is absent.
     *
     * @param corpusFolder the corpus's folder name under the data root, for example "article-bias"
     * @return the folder
     */
    public static Path require(String corpusFolder) {
        Path root = DataRoot.resolve(null);
        Path dir = root.resolve(corpusFolder);
        if (!Files.isDirectory(dir)) {
            String msg = "real corpus '" + corpusFolder + "' not found at " + dir.toAbsolutePath()
                    + " (set " + DataRoot.ENV + " or put shared/datasets beside the checkout)";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg + "; CI=true, so a missing corpus fails the run");
            }
            assumeTrue(false, "skipped: " + msg);
        }
        return dir;
    }

    /** @return the data root, or a skip (a failure in CI) when it is absent */
    public static Path root() {
        return require("").normalize();
    }
}
