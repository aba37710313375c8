package dev.slant.spark;

import dev.slant.inference.eval.TargetTally;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The evaluation table from a tally, figures worked out by hand, laid out as the training module's report. */
class EvaluationReportTest {
    static final List<String> STANCE = List.of("left", "center", "right");

    /** Gold left: 3 left, 1 center, 1 abstained; center: 1, 2, 1; right: 0, 1, 4; every answer at confidence 0.9. */
    static TargetTally tally(List<String> order) {
        TargetTally t = new TargetTally("stance", order);
        int[][] cells = {{3, 1, 0}, {1, 2, 1}, {0, 1, 4}};
        for (int g = 0; g < 3; g++) {
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < cells[g][p]; i++) {
                    t.add(order.indexOf(STANCE.get(g)), order.indexOf(STANCE.get(p)), 0.9);
                }
            }
        }
        t.add(order.indexOf("left"), -1, Double.NaN);
        return t;
    }

    static final String EXPECTED = "== stance (14 articles, ordinal) ==\n"
            + "\n"
            + "Figures (%, MAE in label steps)\n"
            + "figure       model  majority 'right'\n"
            + "accuracy     64.29             35.71\n"
            + "macro-F1     65.56             17.54\n"
            + "weighted-F1  66.67             18.80\n"
            + "MAE          0.429             1.000\n"
            + "ECE          20.77              4.29\n"
            + "\n"
            + "Per class (%)\n"
            + "label   precision  recall     F1  support  predicted\n"
            + "left        75.00   60.00  66.67        5          4\n"
            + "center      50.00   50.00  50.00        4          4\n"
            + "right       80.00   80.00  80.00        5          5\n"
            + "\n"
            + "Confusion matrix (rows gold, columns predicted)\n"
            + "gold \\ predicted  left  center  right  (abstained)  support\n"
            + "left                 3       1      0            1        5\n"
            + "center               1       2      1            0        4\n"
            + "right                0       1      4            0        5\n"
            + "\n"
            + "* 1 of 14 articles abstained: counted as wrong, as missed articles of their gold label, and as distance 2 for MAE.\n"
            + "* ECE: 15 equal-width bins of the predicted label's probability, over 13 articles; 1 left out (abstained or without probabilities).\n";

    @Test
    void rendersTheFiguresOfSlantEvaluate() {
        TargetSetup setup = new TargetSetup("stance", STANCE, true, "right", OptionalDouble.of(0.4));
        assertEquals(EXPECTED, EvaluationReport.render(setup, tally(STANCE)));
    }

    @Test
    void laysOutTheStoredLabelOrderWhateverTheModelsOrder() {
        TargetSetup setup = new TargetSetup("stance", STANCE, true, "right", OptionalDouble.of(0.4));
        TargetTally merged = tally(List.of("right", "left", "center")).merge(new TargetTally("stance", List.of("right", "left", "center")));
        assertEquals(EXPECTED, EvaluationReport.render(setup, merged));
    }

    @Test
    void withoutAStoredBaselineTheEvaluatedMajorityIsTakenAndSaidSo() {
        TargetSetup setup = new TargetSetup("stance", STANCE, false, null, OptionalDouble.empty());
        String out = EvaluationReport.render(setup, tally(STANCE));
        assertEquals("figure       model  majority 'left'", out.lines().skip(3).findFirst().orElseThrow());
        assertEquals(List.of(
                "* 1 of 14 articles abstained: counted as wrong, as missed articles of their gold label.",
                "* ECE: 15 equal-width bins of the predicted label's probability, over 13 articles; 1 left out (abstained or without probabilities).",
                "* Baseline ECE not measured: only the majority label was given, not the training label shares.",
                "* The bundle stores no training majority: the baseline is the majority of the evaluated rows."),
                out.lines().filter(l -> l.startsWith("* ")).toList());
    }

    @Test
    void aGoldLabelTheModelNeverSawJoinsTheLabelsSortedWithRecallZero() {
        TargetSetup setup = new TargetSetup("stance", STANCE, true, "right", OptionalDouble.of(0.4));
        List<String> withUnseen = List.of("left", "center", "right", "undecided");
        TargetTally t = tally(STANCE).withLabels(withUnseen);
        t.add(3, 0, 0.9);
        t.add(3, 2, 0.9);
        String out = EvaluationReport.render(setup, t);
        assertEquals(List.of(
                "label      precision  recall     F1  support  predicted",
                "center         50.00   50.00  50.00        4          4",
                "left           60.00   60.00  60.00        5          5",
                "right          66.67   80.00  72.73        5          6",
                "undecided       0.00    0.00   0.00        2          0"),
                out.lines().dropWhile(l -> !l.startsWith("Per class")).skip(1).limit(5).toList());
        assertEquals("figure       model  majority 'right'", out.lines().skip(3).findFirst().orElseThrow());
    }

    @Test
    void refusesAnEmptyTallyAndForeignLabels() {
        TargetSetup setup = new TargetSetup("stance", STANCE, true, "right", OptionalDouble.empty());
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.render(setup, new TargetTally("stance", STANCE)));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationReport.render(setup, new TargetTally("stance", List.of("left", "right", "up"))));
        assertThrows(IllegalArgumentException.class, () -> new TargetSetup("stance", STANCE, true, "up", OptionalDouble.empty()));
    }
}
