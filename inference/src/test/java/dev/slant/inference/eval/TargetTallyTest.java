package dev.slant.inference.eval;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counts figures are computed from: how they add up, merge, reorder, widen and travel. */
class TargetTallyTest {

    /** Gold L C R R L C, with probabilities whose sums are exact in binary (so merging cannot round otherwise). */
    private static List<Outcome> outcomes() {
        return List.of(
                Outcome.answered("1", "L", "L", Map.of("L", 0.75, "C", 0.25)),
                Outcome.answered("2", "C", "L", Map.of("L", 0.5, "R", 0.5)),
                Outcome.abstained("3", "R", Map.of()),
                Outcome.answered("4", "R", "R", Map.of("R", 0.875, "L", 0.125)),
                Outcome.answered("5", "L", "C", Map.of()),
                Outcome.answered("6", "C", "C", Map.of("C", 1.0)));
    }

    private static TargetTally tally(List<Outcome> outcomes) {
        TargetTally t = new TargetTally("stance", LCR);
        outcomes.forEach(t::add);
        return t;
    }

    @Test
    void countsEveryArticleOnce() {
        TargetTally t = tally(outcomes());
        assertEquals(6, t.articles());
        assertEquals(1, t.abstentions());
        assertEquals(1, t.abstained(2));
        assertEquals(2, t.support(0));
        assertEquals(1, t.count(1, 0), "a C article predicted L");
        assertEquals(4, t.calibrated(), "the abstention and the article without probabilities are not binned");
    }

    @Test
    void partsMergeIntoTheWhole() {
        List<Outcome> all = outcomes();
        TargetTally merged = tally(all.subList(0, 2)).merge(tally(all.subList(2, 6)));
        assertEquals(Figures.of(tally(all), true), Figures.of(merged, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> merged.merge(new TargetTally("topic", LCR)));
        assertEquals("cannot merge the tally of topic into stance", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> merged.merge(new TargetTally("stance", List.of("R", "C", "L"))));
        assertEquals("target 'stance': a tally over [R, C, L] is not over [L, C, R]", e.getMessage());
    }

    @Test
    void mergeOrderDoesNotChangeTheCalibration() {
        // Three confidences in one bin whose double sums round differently by grouping, as Spark's partitions and
        // merges may group them.
        double a = 0.601;
        double b = 0.602;
        double c = 0.603;
        assertNotEquals((a + b) + c, a + (b + c), "the case must round differently as running double sums");
        TargetTally left = new TargetTally("stance", LCR);
        left.add(0, 0, a);
        left.add(1, 0, b);
        TargetTally right = new TargetTally("stance", LCR);
        right.add(1, 0, b);
        right.add(2, 0, c);
        TargetTally first = new TargetTally("stance", LCR);
        first.add(0, 0, a);
        TargetTally last = new TargetTally("stance", LCR);
        last.add(2, 0, c);
        TargetTally leftFirst = left.merge(last);
        TargetTally rightFirst = first.merge(right);
        assertEquals(Figures.of(leftFirst, true), Figures.of(rightFirst, true));
        // One of three right: ECE = |1 - (a + b + c)| / 3, the sum rounded once (1.806).
        assertEquals(Math.abs(1 - 1.806) / 3, Figures.of(leftFirst, true).calibration().orElseThrow().ece());
    }

    @Test
    void answeringAllArticlesAtOnceEqualsAnsweringThemOneByOne() {
        // 0.1 is not exact in binary: the bins must hold 12 times it exactly, as adding it article by article does.
        TargetTally evaluated = tally(Outcomes.of("a", "LLLCCRRRRRRR", "LC-CRRRRLRRC"));
        TargetTally atOnce = new TargetTally("stance", LCR).addAllAnswered(evaluated, 2, 0.1);
        TargetTally oneByOne = new TargetTally("stance", LCR);
        for (char gold : "LLLCCRRRRRRR".toCharArray()) {
            oneByOne.add(LCR.indexOf(String.valueOf(gold)), 2, 0.1);
        }
        assertEquals(Figures.of(oneByOne, true), Figures.of(atOnce, true));
        assertEquals(12, atOnce.calibrated());
        assertEquals(0, atOnce.abstentions(), "the evaluated article's abstention is answered too");
    }

    @Test
    void reorderingKeepsEveryCount() {
        TargetTally t = tally(outcomes());
        TargetTally r = t.reordered(List.of("R", "L", "C"));
        assertEquals(List.of("R", "L", "C"), r.labels());
        assertEquals(t.count(1, 0), r.count(2, 1));
        assertEquals(t.abstained(2), r.abstained(0));
        assertEquals(Figures.of(t, false), Figures.of(r.reordered(LCR), false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.reordered(List.of("L", "C", "X")));
        assertEquals("target 'stance': labels [L, C, X] are not [L, C, R]", e.getMessage());
    }

    @Test
    void wideningAddsEmptyLabelsSoPartsThatMetOtherGoldLabelsMerge() {
        List<String> withX = List.of("C", "L", "R", "X");
        List<Outcome> unseen = List.of(Outcome.answered("7", "X", "L", Map.of("L", 0.5, "C", 0.5)),
                Outcome.abstained("8", "X", Map.of()));
        TargetTally part = tally(outcomes()).withLabels(withX);
        assertEquals(withX, part.labels());
        assertEquals(0, part.support(3));
        assertEquals(tally(outcomes()).count(1, 0), part.count(0, 1));
        TargetTally other = new TargetTally("stance", withX);
        unseen.forEach(other::add);
        TargetTally whole = new TargetTally("stance", withX);
        outcomes().forEach(whole::add);
        unseen.forEach(whole::add);
        assertEquals(Figures.of(whole, false), Figures.of(part.merge(other), false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tally(outcomes()).withLabels(List.of("L", "C", "X")));
        assertEquals("target 'stance': labels [L, C, X] do not hold all of [L, C, R]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tally(outcomes()).withLabels(List.of("L", "C", "R", "L")));
    }

    @Test
    void travelsAsSparkShipsIt() throws Exception {
        TargetTally t = tally(outcomes());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        TargetTally back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (TargetTally) in.readObject();
        }
        assertEquals(Figures.of(t, true), Figures.of(back, true));
    }

    @Test
    void badInputIsRefused() {
        TargetTally t = new TargetTally("stance", LCR);
        assertThrows(IndexOutOfBoundsException.class, () -> t.add(3, 0, 0.5));
        assertThrows(IndexOutOfBoundsException.class, () -> t.add(0, -2, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.add(0, 1, 1.5));
        assertEquals("confidence 1.5 not in [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.add(Outcome.answered("a1", "L", "X", Map.of())));
        assertEquals("target 'stance', article 'a1': predicted label 'X' is not one of [L, C, R]", e.getMessage());
        assertEquals(0, t.articles(), "nothing refused was counted");
        e = assertThrows(IllegalArgumentException.class, () -> new TargetTally("stance", List.of("L")));
        assertEquals("target 'stance' needs at least two labels, got [L]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TargetTally("stance", List.of("L", " ")));
        assertEquals("target 'stance' has a blank label: [L,  ]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TargetTally(" ", LCR));
        assertEquals("target name is blank", e.getMessage());
    }

    @Test
    void figuresNeedOneToIntegerMaxValueArticles() {
        TargetTally t = new TargetTally("stance", LCR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figures.of(t, true));
        assertEquals("target 'stance': 0 articles counted; figures are computed for 1 to 2147483647", e.getMessage());
        t.add(0, 0, Double.NaN);
        for (int i = 0; i < 31; i++) {
            t.merge(t);
        }
        assertEquals(1L << 31, t.articles());
        e = assertThrows(IllegalArgumentException.class, () -> Figures.of(t, true));
        assertEquals("target 'stance': 2147483648 articles counted; figures are computed for 1 to 2147483647",
                e.getMessage());
    }
}
