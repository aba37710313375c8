package dev.slant.datasets.corpus;

import dev.slant.datasets.Article;
import dev.slant.datasets.Target;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleReaders;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.LabelColumn;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ISOT "Fake and Real News": {@code True.csv} and {@code Fake.csv}, plain or gzipped, columns
 * {@code title, text, subject, date}. Target {@code veracity} (true, fake) comes from the file; {@code topic}
 * from {@code subject}. Ids are "true-N" and "fake-N", N the record number in its file. No published split.
 */
public final class IsotCorpus extends FolderCorpus {
    /** The corpus's name. */
    public static final String NAME = "isot";
    /** The veracity target. */
    public static final Target VERACITY = new Target("veracity", List.of("true", "fake"), false, false);
    /** The topic target (ISOT's subject, which never crosses classes: a shortcut, not a topic). */
    public static final Target TOPIC = Target.named("topic");

    private static final ColumnMapping BASE = ColumnMapping.builder()
            .titleColumn("title").textColumn("text")
            .label(LabelColumn.of(TOPIC.name(), "subject"))
            .metadata(Article.DATE, "date")
            .build();

    /** @param dir the corpus's folder */
    public IsotCorpus(Path dir) {
        super(dir, NAME, List.of(VERACITY, TOPIC));
    }

    @Override
    public ArticleReader open(ReadOptions options) throws IOException {
        List<ChainedReader.Opener> openers = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String label : VERACITY.labels()) {
            Path file = find(label.equals("true") ? "True" : "Fake");
            ColumnMapping mapping = BASE.withConstantLabel(VERACITY.name(), label);
            openers.add(() -> ArticleReaders.open(file, mapping, options));
            prefixes.add(label + "-");
        }
        return new ChainedReader(openers, prefixes);
    }

    private Path find(String stem) throws IOException {
        for (String name : List.of(stem + ".csv.gz", stem + ".csv")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new NoSuchFileException(dir.resolve(stem + ".csv").toString(), null,
                "ISOT needs " + stem + ".csv or " + stem + ".csv.gz");
    }

    @Override
    public Map<String, Split> publishedSplits() {
        return Map.of();
    }
}
