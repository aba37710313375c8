package dev.slant.training;

import dev.slant.datasets.Article;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The raw term counts of every article, computed once per featurizer (on all cores) and reused across targets,
 * settings grids and folds: fitting idf and weighing are cheap next to tokenizing.
 */
public final class FeatureTable {
    private final Featurizer featurizer;
    private final FeatureVector[] counts;

    private FeatureTable(Featurizer featurizer, FeatureVector[] counts) {
        this.featurizer = featurizer;
        this.counts = counts;
    }

    /**
     * Computes the term counts of every article.
     *
     * @param featurizer an unfitted featurizer (its scrubber already fitted on the training side)
     * @param articles   the corpus's articles
     * @param rows       the positions to featurize (the others stay empty)
     * @param threads    threads to use, 1 or more
     * @param progress   told the number of articles done, now and then
     * @return the table, in article order
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public static FeatureTable compute(Featurizer featurizer, List<Article> articles, int[] rows, int threads,
                                       java.util.function.IntConsumer progress) throws InterruptedException {
        FeatureVector[] counts = new FeatureVector[articles.size()];
        int n = rows.length;
        int chunk = 256;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "featurize");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int start = 0; start < n; start += chunk) {
                int from = start;
                int to = Math.min(n, start + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        counts[rows[i]] = featurizer.termCounts(articles.get(rows[i]));
                    }
                    return to - from;
                }));
            }
            int done = 0;
            for (Future<Integer> f : futures) {
                done += f.get();
                progress.accept(done);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("featurizing failed", cause);
        } finally {
            pool.shutdownNow();
        }
        return new FeatureTable(featurizer, counts);
    }

    /** @return the featurizer that made the counts (unfitted) */
    public Featurizer featurizer() {
        return featurizer;
    }

    /**
     * @param i an article's position
     * @return its raw term counts
     * @throws IllegalStateException if that article was not featurized
     */
    public FeatureVector counts(int i) {
        FeatureVector v = counts[i];
        if (v == null) {
            throw new IllegalStateException("article at position " + i + " was not featurized");
        }
        return v;
    }

    /** @return the number of articles */
    public int size() {
        return counts.length;
    }

    /**
     * The counts of some articles.
     *
     * @param rows positions
     * @return their counts, in the given order
     */
    public List<FeatureVector> rows(int[] rows) {
        List<FeatureVector> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(counts(r));
        }
        return out;
    }
}
