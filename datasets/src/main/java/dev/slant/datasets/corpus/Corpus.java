package dev.slant.datasets.corpus;

import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A labelled corpus in its original on-disk layout. */
public interface Corpus {

    /** @return the corpus's name as used on the command line ("article-bias", "isot", "liar") */
    String name();

    /** @return the targets its articles are labelled with, the main one first */
    List<String> targets();

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
}
