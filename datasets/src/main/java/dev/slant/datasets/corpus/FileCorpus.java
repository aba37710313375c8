package dev.slant.datasets.corpus;

import dev.slant.datasets.Target;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleReaders;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.LabelColumn;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's labelled file (CSV, TSV or JSONL, gzipped or not) read through a column mapping. Its targets are the
 * mapping's label columns and constant labels, in that order; it has no published split.
 */
public final class FileCorpus implements Corpus {
    private final Path file;
    private final ColumnMapping mapping;

    /**
     * @param file    the file
     * @param mapping its columns
     */
    public FileCorpus(Path file, ColumnMapping mapping) {
        this.file = file;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (LabelColumn l : mapping.labels()) {
            targets.add(new Target(l.target(), List.copyOf(l.allowed()), false, l.multiValued()));
        }
        mapping.constantLabels().keySet().forEach(t -> targets.add(Target.named(t)));
        return targets;
    }

    @Override
    public ArticleReader open(ReadOptions options) throws IOException {
        return ArticleReaders.open(file, mapping, options);
    }

    @Override
    public Map<String, Split> publishedSplits() {
        return Map.of();
    }
}
