package dev.slant.inference.batch;

import dev.slant.datasets.Article;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadReport;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.drift.DriftReference;
import dev.slant.inference.drift.DriftTally;
import dev.slant.inference.explain.ExplainedPrediction;
import dev.slant.inference.explain.Explanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Scores an article stream into a predictions file in constant memory. One reader thread cuts the input into
 * chunks of {@link SlantClassifier#BATCH} articles and hands each both to the workers and, in input order, to
 * the writer (the calling thread), which waits for each chunk's results in turn: so the output keeps input order,
 * and at most {@link #inFlight} chunks exist at once whatever the input's size.
 *
 * <p>Bad records follow the reader's {@link dev.slant.datasets.io.ReadOptions}: in strict mode the first one
 * stops the run with its {@link dev.slant.datasets.io.BadRecordException}; otherwise the reader counts it. Any
 * failure (a bad record in strict mode, an I/O error, a worker's error) stops every thread and is thrown from
 * {@link #score}; the output is then not committed, so the target is left as it was.
 */
public final class BatchScorer {
    private final SlantClassifier classifier;
    private final ScoreSettings settings;
    private final int inFlight;

    /**
     * @param classifier the classifier
     * @param settings   threads, columns and explanations
     */
    public BatchScorer(SlantClassifier classifier, ScoreSettings settings) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.inFlight = 2 * settings.threads() + 2;
    }

    /** @return the most chunks held at once (queued, being scored or being written) */
    public int inFlight() {
        return inFlight;
    }

    /**
     * Scores every article of a reader into a new predictions file, committed only when all went well.
     *
     * @param input    the articles; the caller closes the reader (and commits its rejects file)
     * @param output   the predictions file (gzip-compressed if named {@code .gz})
     * @param progress hears how far the run has got
     * @return what the run did
     * @throws IOException                                  if the output cannot be written or the input read
     * @throws dev.slant.datasets.io.BadRecordException     on a bad record in strict mode
     * @throws CancellationException                        if the calling thread is interrupted
     */
    public ScoreSummary score(ArticleReader input, Path output, ScoreProgress progress) throws IOException {
        try (PredictionWriter writer = PredictionWriter.open(output, settings.format(), labels(),
                settings.probabilities(), settings.explain() > 0)) {
            ScoreSummary summary = score(input, writer, progress);
            writer.commit();
            return summary;
        }
    }

    private Map<String, List<String>> labels() {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        classifier.targets().forEach(t -> labels.put(t, classifier.labels(t)));
        return labels;
    }

    /**
     * Scores every article of a reader into a writer, which the caller commits.
     *
     * @param input    the articles
     * @param writer   where predictions go, in input order
     * @param progress hears how far the run has got
     * @return what the run did
     * @throws IOException                                  if the output cannot be written or the input read
     * @throws dev.slant.datasets.io.BadRecordException     on a bad record in strict mode
     * @throws CancellationException                        if the calling thread is interrupted
     */
    public ScoreSummary score(ArticleReader input, PredictionWriter writer, ScoreProgress progress) throws IOException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(progress, "progress");
        long t0 = System.nanoTime();
        BlockingQueue<Chunk> ordered = new ArrayBlockingQueue<>(inFlight);
        BlockingQueue<Chunk> work = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> read(input, ordered, work), "slant-score-reader"));
        for (int w = 0; w < settings.threads(); w++) {
            threads.add(new Thread(() -> work(work), "slant-score-" + (w + 1)));
        }
        threads.forEach(t -> {
            t.setDaemon(true);
            t.start();
        });
        Map<String, Long> abstentions = new LinkedHashMap<>();
        classifier.targets().forEach(t -> abstentions.put(t, 0L));
        DriftTally drift = DriftReference.fromMetrics(classifier.manifest().metrics()).map(DriftTally::new).orElse(null);
        long written = 0;
        boolean done = false;
        try {
            while (true) {
                Chunk chunk = ordered.take();
                if (chunk.failure != null) {
                    throw rethrow(chunk.failure);
                }
                if (chunk.report != null) {
                    done = true;
                    return new ScoreSummary(chunk.report, written, abstentions, System.nanoTime() - t0,
                            drift == null ? null : drift.report());
                }
                List<Scored> results;
                try {
                    results = chunk.results.get();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
                for (Scored s : results) {
                    writer.write(s.prediction(), s.explanations());
                    if (drift != null) {
                        drift.add(s.prediction());
                    }
                    for (TargetPrediction t : s.prediction().targets()) {
                        if (t.abstained()) {
                            abstentions.merge(t.target(), 1L, Long::sum);
                        }
                    }
                }
                written += results.size();
                progress.update(written, chunk.bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("interrupted while scoring");
            c.initCause(e);
            throw c;
        } finally {
            stop(threads, work, done);
        }
    }

    /** Ends the workers (and, after a failure, the reader) and waits for them. */
    private void stop(List<Thread> threads, BlockingQueue<Chunk> work, boolean done) {
        if (!done) {
            threads.forEach(Thread::interrupt);
        }
        for (int w = 0; w < settings.threads(); w++) {
            work.add(Chunk.POISON);
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    threads.forEach(Thread::interrupt);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("scoring failed", t);
    }

    /** The reader thread: cuts the input into chunks, hands each to the writer (in order) and to the workers. */
    private static void read(ArticleReader input, BlockingQueue<Chunk> ordered, BlockingQueue<Chunk> work) {
        try {
            List<Article> batch = new ArrayList<>(SlantClassifier.BATCH);
            while (input.hasNext()) {
                batch.add(input.next().article());
                if (batch.size() == SlantClassifier.BATCH) {
                    hand(new Chunk(batch, input.report().bytes()), ordered, work);
                    batch = new ArrayList<>(SlantClassifier.BATCH);
                }
            }
            if (!batch.isEmpty()) {
                hand(new Chunk(batch, input.report().bytes()), ordered, work);
            }
            ordered.put(Chunk.end(input.report()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                ordered.put(Chunk.failed(t));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void hand(Chunk chunk, BlockingQueue<Chunk> ordered, BlockingQueue<Chunk> work) throws InterruptedException {
        ordered.put(chunk);
        work.put(chunk);
    }

    /** A worker thread: scores chunks until the poison. */
    private void work(BlockingQueue<Chunk> work) {
        try {
            for (Chunk chunk = work.take(); chunk != Chunk.POISON; chunk = work.take()) {
                try {
                    List<Scored> out = new ArrayList<>(chunk.articles.size());
                    for (Article a : chunk.articles) {
                        out.add(score(a));
                    }
                    chunk.articles = null;
                    chunk.results.complete(out);
                } catch (Throwable t) {
                    chunk.results.completeExceptionally(t);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Scored score(Article a) {
        if (settings.explain() == 0) {
            return new Scored(classifier.classify(a), Map.of());
        }
        ExplainedPrediction e = classifier.explain(a, settings.explain());
        return new Scored(e.prediction(), e.explanations());
    }

    /** One article's result. */
    private record Scored(Prediction prediction, Map<String, Explanation> explanations) {
    }

    /** A chunk of articles and its results; or the end of the input with its report; or the reader's failure. */
    private static final class Chunk {
        static final Chunk POISON = new Chunk(List.of(), 0);

        volatile List<Article> articles;
        final long bytes;
        final CompletableFuture<List<Scored>> results = new CompletableFuture<>();
        ReadReport report;
        Throwable failure;

        Chunk(List<Article> articles, long bytes) {
            this.articles = articles;
            this.bytes = bytes;
        }

        static Chunk end(ReadReport report) {
            Chunk c = new Chunk(List.of(), report.bytes());
            c.report = report;
            return c;
        }

        static Chunk failed(Throwable t) {
            Chunk c = new Chunk(List.of(), 0);
            c.failure = t;
            return c;
        }
    }
}
