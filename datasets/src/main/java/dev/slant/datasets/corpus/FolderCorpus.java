package dev.slant.datasets.corpus;

import dev.slant.datasets.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the corpora kept in a folder of their own share: the folder, the name and the targets. */
abstract class FolderCorpus implements Corpus {
    /** The corpus's folder. */
    protected final Path dir;
    private final String name;
    private final List<Target> targets;

    FolderCorpus(Path dir, String name, List<Target> targets) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.name = name;
        this.targets = List.copyOf(targets);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Target> targets() {
        return targets;
    }

    @Override
    public final Optional<Path> folder() {
        return Optional.of(dir);
    }
}
