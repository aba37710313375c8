package dev.slant.inference.batch;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleSource;
import dev.slant.datasets.io.ChunkedArticleReader;
import dev.slant.datasets.io.OrderedPipeline;
import dev.slant.datasets.io.ParsedChunk;
import dev.slant.datasets.io.ReadReport;
import dev.slant.datasets.io.RecordChunk;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.drift.DriftReference;
import dev.slant.inference.drift.DriftTally;
import dev.slant.inference.explain.ExplainedPrediction;
import dev.slant.inference.explain.Explanation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Scores an article stream into a predictions file in constant memory, on {@link ScoreSettings#threads()} threads.
 *
 * <p>A file read by a {@link ChunkedArticleReader} is scored chunk by chunk: one thread cuts the input into chunks
 * of whole records, and each worker parses a chunk, scores its articles and formats their rows, so that reading
 * runs on every core beside scoring; the calling thread takes the chunks back in input order, merges them (counts,
 * rejects, the strict mode's stop, ids already taken) and writes their rows. Any other reader is read on one thread
 * in batches of {@link SlantClassifier#BATCH} articles, which the workers score. Either way the output keeps input
 * order and is the same bytes whatever the threads and the chunk size, and a bounded number of chunks (in bytes and
 * in count) is in flight whatever the input's size.
 *
 * <p>Bad records follow the reader's {@link dev.slant.datasets.io.ReadOptions}: in strict mode the first one
 * stops the run with its {@link dev.slant.datasets.io.BadRecordException}; otherwise the reader counts it. Any
 * failure (a bad record in strict mode, an I/O error, a worker's error) stops every thread and is thrown from
 * {@link #score}; the output is then not committed, so the target is left as it was.
 */
public final class BatchScorer {
    private final SlantClassifier classifier;
    private final ScoreSettings settings;
    private final List<String> targets;

    /**
     * @param classifier the classifier
     * @param settings   threads, columns and explanations
     */
    public BatchScorer(SlantClassifier classifier, ScoreSettings settings) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.targets = List.copyOf(classifier.targets());
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

    /**
     * @return each target's labels, targets in the classifier's order: what a {@link PredictionWriter} for this
     *         scorer is opened with
     */
    public Map<String, List<String>> labels() {
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
        Tally tally = new Tally(targets.size(),
                DriftReference.fromMetrics(classifier.manifest().metrics()).map(DriftTally::new).orElse(null));
        long written;
        ReadReport report;
        try {
            if (input instanceof ChunkedArticleReader chunked) {
                ArticleSource source = chunked.source();
                written = scoreChunks(source, writer, progress, tally);
                report = source.report();
            } else {
                written = scoreBatches(input, writer, progress, tally);
                report = input.report();
            }
        } catch (InterruptedIOException e) {
            CancellationException c = new CancellationException("interrupted while scoring");
            c.initCause(e);
            throw c;
        }
        Map<String, Long> byTarget = new LinkedHashMap<>();
        for (int t = 0; t < targets.size(); t++) {
            byTarget.put(targets.get(t), tally.abstentions[t]);
        }
        return new ScoreSummary(report, written, byTarget, System.nanoTime() - t0,
                tally.drift == null ? null : tally.drift.report());
    }

    /** What the writing thread counts over the predictions it writes: abstentions per target, and drift. */
    private static final class Tally {
        final long[] abstentions;
        final DriftTally drift;

        Tally(int targets, DriftTally drift) {
            this.abstentions = new long[targets];
            this.drift = drift;
        }

        void add(Prediction p) {
            List<TargetPrediction> predicted = p.targets();
            for (int t = 0; t < predicted.size() && t < abstentions.length; t++) {
                if (predicted.get(t).abstained()) {
                    abstentions[t]++;
                }
            }
            if (drift != null) {
                drift.add(p);
            }
        }
    }

    /** A chunk's records, scored: per record its row and prediction (null if rejected). */
    private record Scored(ParsedChunk parsed, String[] rows, Prediction[] predictions) {
    }

    private long scoreChunks(ArticleSource source, PredictionWriter writer, ScoreProgress progress, Tally tally)
            throws IOException {
        long written = 0;
        try (OrderedPipeline<RecordChunk, Scored> pipeline = ChunkedArticleReader.pipeline(source,
                settings.threads(), "slant-score", chunk -> {
                    ParsedChunk parsed = source.parse(chunk);
                    String[] rows = new String[parsed.size()];
                    Prediction[] predictions = new Prediction[parsed.size()];
                    for (int i = 0; i < rows.length; i++) {
                        LabelledArticle a = parsed.article(i);
                        if (a != null) {
                            predictions[i] = score(a.article(), writer, rows, i);
                        }
                    }
                    return new Scored(parsed, rows, predictions);
                })) {
            long[] count = {0};
            for (Scored s = pipeline.next(); s != null; s = pipeline.next()) {
                Scored scored = s;
                source.merge(scored.parsed(), (i, a) -> {
                    writer.writeRow(scored.rows()[i]);
                    tally.add(scored.predictions()[i]);
                    count[0]++;
                });
                written = count[0];
                progress.update(written, source.report().bytes());
            }
        }
        return written;
    }

    /** A batch of articles read from an {@link ArticleReader}, with the bytes read when it was cut. */
    private record Batch(List<Article> articles, long bytes, int weight) {
    }

    /** Rows of a batch, and their predictions. */
    private record Rows(Batch batch, String[] rows, Prediction[] predictions) {
    }

    private long scoreBatches(ArticleReader input, PredictionWriter writer, ScoreProgress progress, Tally tally)
            throws IOException {
        OrderedPipeline.Source<Batch> batches = () -> {
            List<Article> batch = new ArrayList<>(SlantClassifier.BATCH);
            long weight = 0;
            try {
                while (batch.size() < SlantClassifier.BATCH && input.hasNext()) {
                    Article a = input.next().article();
                    batch.add(a);
                    weight += a.text().length() + a.title().length();
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return batch.isEmpty() ? null
                    : new Batch(batch, input.report().bytes(), (int) Math.min(Integer.MAX_VALUE, weight));
        };
        int inFlight = 2 * settings.threads() + 2;
        long written = 0;
        try (OrderedPipeline<Batch, Rows> pipeline = new OrderedPipeline<>("slant-score", batches, batch -> {
            String[] rows = new String[batch.articles().size()];
            Prediction[] predictions = new Prediction[rows.length];
            for (int i = 0; i < rows.length; i++) {
                predictions[i] = score(batch.articles().get(i), writer, rows, i);
            }
            return new Rows(batch, rows, predictions);
        }, Batch::weight, settings.threads(), inFlight, Integer.MAX_VALUE)) {
            for (Rows r = pipeline.next(); r != null; r = pipeline.next()) {
                for (int i = 0; i < r.rows().length; i++) {
                    writer.writeRow(r.rows()[i]);
                    tally.add(r.predictions()[i]);
                }
                written += r.rows().length;
                progress.update(written, r.batch().bytes());
            }
        }
        return written;
    }

    /** Scores one article into {@code rows[i]}; returns its prediction. */
    private Prediction score(Article a, PredictionWriter writer, String[] rows, int i) {
        Prediction p;
        Map<String, Explanation> explanations;
        if (settings.explain() == 0) {
            p = classifier.classify(a);
            explanations = Map.of();
        } else {
            ExplainedPrediction e = classifier.explain(a, settings.explain());
            p = e.prediction();
            explanations = e.explanations();
        }
        rows[i] = writer.format(p, explanations);
        return p;
    }
}
