package dev.slant.datasets.corpus;

import dev.slant.datasets.Target;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A labelled corpus in its original on-disk layout. */
public interface Corpus {

    /** @return the corpus's name as used on the command line ("article-bias", "isot", "liar") */
    String name();

    /** @return the targets its articles are labelled with, the main one first */
    List<Target> targets();

    /**
     * Opens a streaming read of every article.
     *
     * @param options what to do with bad records
     * @return a reader; the caller closes it
     * @throws IOException if the corpus's files cannot be opened
     */
    ArticleReader open(ReadOptions options) throws IOException;

    /**
     * The splits the corpus was published with, by name.
     *
     * @return the published splits, empty if it has none
     * @throws IOException if a split file cannot be read or is malformed
     */
    Map<String, Split> publishedSplits() throws IOException;

    /**
     * @return the folder the corpus's files are read from, if it has one of its own (nothing may be written
     *         there); empty for a single file
     */
    default Optional<Path> folder() {
        return Optional.empty();
    }

    /**
     * The target with a name.
     *
     * @param name a target's name
     * @return the target
     * @throws IllegalArgumentException if the corpus has no such target, listing those it has
     */
    default Target target(String name) {
        return targets().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("corpus '" + name() + "' has no target '" + name
                        + "' (it has " + targets().stream().map(Target::name).toList() + ")"));
    }
}
