package dev.slant.datasets.corpus;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Target;
import dev.slant.datasets.io.ArticleFormat;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleReaders;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.LabelColumn;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LIAR (Wang 2017): {@code train.tsv}, {@code valid.tsv}, {@code test.tsv}, 14 tab-separated columns, no header and
 * no quoting. Targets {@code truth} (six labels, ordinal from pants-fire to true), {@code party} and
 * {@code subjects} (comma-separated, several per statement). The five credit-history counts include the
 * statement's own label, so they are never read. The published split is the three files.
 */
public final class LiarCorpus extends FolderCorpus {
    /** The corpus's name. */
    public static final String NAME = "liar";
    /** The truth target, least to most true. */
    public static final Target TRUTH = new Target("truth",
            List.of("pants-fire", "false", "barely-true", "half-true", "mostly-true", "true"), true, false);
    /** The speaker's party. */
    public static final Target PARTY = Target.named("party");
    /** The statement's subjects. */
    public static final Target SUBJECTS = new Target("subjects", List.of(), false, true);
    /** The 14 columns, named. */
    public static final List<String> COLUMNS = List.of("id", "label", "statement", "subjects", "speaker", "job",
            "state", "party", "barely_true_counts", "false_counts", "half_true_counts", "mostly_true_counts",
            "pants_on_fire_counts", "context");
    /** The name of the published split. */
    public static final String SPLIT = "published";

    private static final ColumnMapping MAPPING = ColumnMapping.builder()
            .idColumn("id").textColumn("statement")
            .label(LabelColumn.of(TRUTH.name(), "label").withAllowed(TRUTH.labels()))
            .label(LabelColumn.of(PARTY.name(), "party"))
            .label(LabelColumn.of(SUBJECTS.name(), "subjects").withSeparator(","))
            .metadata("speaker", "speaker").metadata("job", "job").metadata("state", "state")
            .metadata("context", "context")
            .build();

    /** @param dir the corpus's folder */
    public LiarCorpus(Path dir) {
        super(dir, NAME, List.of(TRUTH, PARTY, SUBJECTS));
    }

    @Override
    public ArticleReader open(ReadOptions options) throws IOException {
        List<ChainedReader.Opener> openers = new ArrayList<>();
        for (Part part : Part.values()) {
            Path file = file(part);
            openers.add(() -> open(file, options));
        }
        return new ChainedReader(openers, List.of("", "", ""));
    }

    private static ArticleReader open(Path file, ReadOptions options) throws IOException {
        return ArticleReaders.open(file, ArticleFormat.TSV_UNQUOTED, COLUMNS, MAPPING, options);
    }

    private Path file(Part part) throws IOException {
        Path file = dir.resolve(part.label() + ".tsv");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "LIAR needs train.tsv, valid.tsv and test.tsv");
        }
        return file;
    }

    @Override
    public Map<String, Split> publishedSplits() throws IOException {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            try (ArticleReader r = open(file(part), ReadOptions.LENIENT)) {
                while (r.hasNext()) {
                    LabelledArticle a = r.next();
                    parts.putIfAbsent(a.id(), part);
                }
            }
        }
        return Map.of(SPLIT, new Split(SPLIT, parts));
    }
}
