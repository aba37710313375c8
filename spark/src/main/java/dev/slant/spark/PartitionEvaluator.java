package dev.slant.spark;

import dev.slant.datasets.io.RecordProblem;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.eval.TargetTally;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Evaluates one partition into one {@link EvaluationTally}: every good row is classified and counted against its
 * gold labels; bad rows (and gold labels the model does not know) are counted by reason and skipped.
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
        int[] gold = new int[targets.size()];
        rows:
        while (rows.hasNext()) {
            RowOutcome o = RowOutcome.of(rows.next(), columns, true);
            if (o.bad()) {
                tally.skip(o.reason());
                continue;
            }
            for (int i = 0; i < targets.size(); i++) {
                gold[i] = labelsByTarget.get(targets.get(i)).indexOf(o.gold().get(i));
                if (gold[i] < 0) {
                    tally.skip(RecordProblem.Reason.UNKNOWN_LABEL);
                    continue rows;
                }
            }
            Prediction p = classifier.classify(o.article());
            for (int i = 0; i < targets.size(); i++) {
                TargetPrediction t = p.target(targets.get(i));
                TargetTally target = tally.target(targets.get(i));
                if (t.abstained()) {
                    target.add(gold[i], -1, Double.NaN);
                } else {
                    target.add(gold[i], target.labels().indexOf(t.label()), t.probability());
                }
            }
        }
        return List.of(tally).iterator();
    }
}
