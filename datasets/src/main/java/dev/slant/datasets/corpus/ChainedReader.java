package dev.slant.datasets.corpus;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads several files one after the other as one corpus, opening each only when the previous one is done, and
 * optionally prefixing each file's ids (ISOT's two files have no ids of their own: "true-17" is record 17 of
 * True.csv). The report adds up every file's.
 */
final class ChainedReader implements ArticleReader {
    /** Opens one part of the chain. */
    interface Opener {
        ArticleReader open() throws IOException;
    }

    private final List<Opener> openers;
    private final List<String> prefixes;
    private final ReadReport done = new ReadReport();
    private ArticleReader current;
    private int next;

    /**
     * @param openers  the files, in order
     * @param prefixes an id prefix per file ("" for none)
     */
    ChainedReader(List<Opener> openers, List<String> prefixes) {
        if (openers.size() != prefixes.size()) {
            throw new IllegalArgumentException(openers.size() + " files but " + prefixes.size() + " prefixes");
        }
        this.openers = new ArrayList<>(openers);
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    public boolean hasNext() {
        try {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    done.add(current.report());
                    current.close();
                    current = null;
                }
                if (next >= openers.size()) {
                    return false;
                }
                current = openers.get(next++).open();
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LabelledArticle next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LabelledArticle a = current.next();
        String prefix = prefixes.get(next - 1);
        if (prefix.isEmpty()) {
            return a;
        }
        Article art = a.article();
        return new LabelledArticle(new Article(prefix + art.id(), art.title(), art.text(), art.metadata()), a.labels());
    }

    @Override
    public ReadReport report() {
        ReadReport total = done.snapshot();
        if (current != null) {
            total.add(current.report());
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
        next = openers.size();
    }
}
