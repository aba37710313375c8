package dev.slant.datasets.corpus;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Finds a corpus by name under the data root. */
public final class Corpora {
    /** The corpus {@code slant} uses when none is named. */
    public static final String DEFAULT = ArticleBiasCorpus.NAME;
    /** Every corpus name. */
    public static final List<String> NAMES = List.of(ArticleBiasCorpus.NAME, IsotCorpus.NAME, LiarCorpus.NAME);

    private Corpora() {
    }

    /**
     * @param name a corpus name ({@link #NAMES})
     * @param root the data root
     * @return the corpus, reading from {@code root/NAME} (ISOT also from {@code root/isot-sample})
     * @throws IllegalArgumentException for an unknown name
     * @throws NoSuchFileException      if the corpus's folder does not exist
     */
    public static Corpus open(String name, Path root) throws NoSuchFileException {
        List<String> folders = switch (name) {
            case ArticleBiasCorpus.NAME -> List.of("article-bias");
            case IsotCorpus.NAME -> List.of("isot", "isot-sample");
            case LiarCorpus.NAME -> List.of("liar");
            default -> throw new IllegalArgumentException("unknown corpus '" + name + "' (" + String.join(", ", NAMES) + ")");
        };
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (Files.isDirectory(dir)) {
                return switch (name) {
                    case ArticleBiasCorpus.NAME -> new ArticleBiasCorpus(dir);
                    case IsotCorpus.NAME -> new IsotCorpus(dir);
                    default -> new LiarCorpus(dir);
                };
            }
        }
        throw new NoSuchFileException(root.resolve(folders.get(0)).toString(), null,
                "corpus '" + name + "' not found under the data root " + root
                        + " (use --data DIR or set " + DataRoot.ENV + ")");
    }
}
