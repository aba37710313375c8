package dev.slant.spark;

import dev.slant.inference.SlantClassifier;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Scores one partition: takes the executor's classifier from {@link ClassifierCache} (loading the broadcast
 * bundle on the JVM's first task), reads each row by the datasets readers' rules, skips bad rows, and yields one
 * prediction row per good one, lazily. The featurizer keeps its scratch space per thread, so tasks running side by
 * side on one executor share the classifier safely.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> bundle;
    private final String sha256;
    private final InputColumns columns;
    private final PredictionColumns output;

    PartitionScorer(Broadcast<byte[]> bundle, String sha256, InputColumns columns, PredictionColumns output) {
        this.bundle = bundle;
        this.sha256 = sha256;
        this.columns = columns;
        this.output = output;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        SlantClassifier classifier = ClassifierCache.get(sha256, bundle::value);
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    RowOutcome o = RowOutcome.of(rows.next(), columns, false);
                    if (!o.bad()) {
                        next = output.row(classifier.classify(o.article()));
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
    }
}
