package dev.slant.spark;

import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Evaluates one partition into one {@link EvaluationTally}: every good row is classified and counted against its
 * gold labels, a gold label the model does not know as an error of the model (as {@code slant evaluate} counts
 * it); bad rows (no id, a blank text, no gold label or one outside the mapping's allowed labels) are counted by
 * reason and skipped.
 */
final class PartitionEvaluator implements FlatMapFunction<Iterator<Row>, EvaluationTally> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> bundle;
    private final String sha256;
    private final InputColumns columns;
    private final LinkedHashMap<String, List<String>> labelsByTarget;

    PartitionEvaluator(Broadcast<byte[]> bundle, String sha256, InputColumns columns, Map<String, List<String>> labelsByTarget) {
        this.bundle = bundle;
        this.sha256 = sha256;
        this.columns = columns;
        this.labelsByTarget = new LinkedHashMap<>(labelsByTarget);
    }

    @Override
    public Iterator<EvaluationTally> call(Iterator<Row> rows) {
        SlantClassifier classifier = ClassifierCache.get(sha256, bundle::value);
        EvaluationTally tally = new EvaluationTally(labelsByTarget);
        List<String> targets = columns.labelTargets();
        while (rows.hasNext()) {
            RowOutcome o = RowOutcome.of(rows.next(), columns, true);
            if (o.bad()) {
                tally.skip(o.reason());
                continue;
            }
            Prediction p = classifier.classify(o.article());
            for (int i = 0; i < targets.size(); i++) {
                tally.add(targets.get(i), o.gold().get(i), p.target(targets.get(i)));
            }
        }
        return List.of(tally).iterator();
    }
}
