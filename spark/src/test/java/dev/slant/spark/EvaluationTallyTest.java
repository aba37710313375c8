package dev.slant.spark;

import dev.slant.datasets.io.RecordProblem;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.eval.TargetTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Partitions' tallies, without Spark: gold labels the model never saw join the labels, whatever the partitioning. */
class EvaluationTallyTest {
    static final List<String> MODEL = List.of("left", "center", "right");

    /** One row: its gold stance and the model's answer, "-" for an abstention; every answer at 0.5. */
    record Answer(String gold, String predicted) {
        TargetPrediction prediction() {
            if (predicted.equals("-")) {
                return TargetPrediction.abstain("stance", 3);
            }
            Map<String, Double> p = new java.util.LinkedHashMap<>();
            MODEL.forEach(l -> p.put(l, l.equals(predicted) ? 0.5 : 0.25));
            return new TargetPrediction("stance", predicted, 0.5, p, 3, 3);
        }
    }

    static final List<Answer> ROWS = List.of(new Answer("left", "left"), new Answer("undecided", "right"),
            new Answer("right", "right"), new Answer("biased", "left"), new Answer("center", "-"),
            new Answer("undecided", "-"), new Answer("center", "left"), new Answer("biased", "center"));

    static EvaluationTally partition(List<Answer> rows) {
        EvaluationTally t = new EvaluationTally(Map.of("stance", MODEL));
        rows.forEach(r -> t.add("stance", r.gold(), r.prediction()));
        return t;
    }

    @Test
    void aPartitionWithoutUnseenLabelsKeepsTheModelsOrder() {
        TargetTally t = partition(ROWS.subList(0, 1)).targets().get("stance");
        assertEquals(MODEL, t.labels());
    }

    @Test
    void unseenGoldLabelsJoinTheLabelsAsEvaluationLabelsOrdersThemWhateverThePartitioning() {
        TargetTally whole = partition(ROWS).targets().get("stance");
        assertEquals(List.of("biased", "center", "left", "right", "undecided"), whole.labels());
        assertEquals(2, whole.support(0));
        assertEquals(2, whole.support(4));
        assertEquals(1, whole.abstained(4));
        assertEquals(ROWS.size(), whole.articles());
        List<List<Answer>> cuts = List.of(ROWS.subList(0, 3), ROWS.subList(3, 4), ROWS.subList(4, 8));
        for (int first = 0; first < cuts.size(); first++) {
            EvaluationTally merged = new EvaluationTally(Map.of("stance", MODEL));
            for (int i = 0; i < cuts.size(); i++) {
                merged.merge(partition(cuts.get((first + i) % cuts.size())));
            }
            TargetTally m = merged.targets().get("stance");
            assertEquals(whole.labels(), m.labels());
            for (int g = 0; g < 5; g++) {
                for (int p = 0; p < 5; p++) {
                    assertEquals(whole.count(g, p), m.count(g, p));
                }
                assertEquals(whole.abstained(g), m.abstained(g));
            }
            assertEquals(whole.calibrated(), m.calibrated());
        }
    }

    @Test
    void skipsAddUpAndForeignTalliesAreRefused() {
        EvaluationTally a = partition(List.of());
        a.skip(RecordProblem.Reason.EMPTY_LABEL);
        EvaluationTally b = partition(List.of());
        b.skip(RecordProblem.Reason.EMPTY_LABEL);
        assertEquals(Map.of(RecordProblem.Reason.EMPTY_LABEL, 2L), a.merge(b).skipped());
        EvaluationTally other = new EvaluationTally(Map.of("stance", new ArrayList<>(List.of("left", "right"))));
        assertThrows(IllegalArgumentException.class, () -> a.merge(other));
    }
}
