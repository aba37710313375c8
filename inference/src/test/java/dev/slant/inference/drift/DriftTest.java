package dev.slant.inference.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftTest {
    private static final List<String> LABELS = List.of("left", "center", "right");

    private static Prediction prediction(int i, String label, double share) {
        Map<String, Double> p = new java.util.LinkedHashMap<>();
        LABELS.forEach(l -> p.put(l, l.equals(label) ? 0.6 : 0.2));
        return new Prediction("a" + i, List.of(new TargetPrediction("stance", label, 0.6, p, 5, 5, share)));
    }

    /** Articles drawn with the training data's shares: 35% left, 25% center, 40% right; known shares near 0.85. */
    private static List<Prediction> like(int n, long seed) {
        Random r = new Random(seed);
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            out.add(prediction(i, u < 0.35 ? "left" : u < 0.6 ? "center" : "right", Math.max(0, Math.min(1, 0.85 + 0.05 * r.nextGaussian()))));
        }
        return out;
    }

    private static DriftReference reference() {
        return DriftReference.of("test", like(2000, 1), Map.of("stance", LABELS));
    }

    @Test
    void aBatchLikeTheTrainingDataIsNotFar() {
        DriftTally t = new DriftTally(reference());
        like(1000, 2).forEach(t::add);
        DriftReport r = t.report();
        assertEquals(1000, r.articles());
        assertTrue(r.far().isEmpty(), r.signals().toString());
        assertTrue(r.signal("stance").psi() < 0.02, "PSI " + r.signal("stance").psi());
        assertTrue(r.signal(DriftReport.KNOWN_SHARE).psi() < 0.05);
        assertEquals(0.85, r.signal(DriftReport.KNOWN_SHARE).batchMean(), 0.01);
    }

    @Test
    void aBatchOfOneLabelAndForeignTextIsFar() {
        DriftTally t = new DriftTally(reference());
        for (int i = 0; i < 500; i++) {
            t.add(prediction(i, "left", 0.3));
        }
        DriftReport r = t.report();
        assertEquals(List.of(DriftReport.KNOWN_SHARE, "stance"), r.far().stream().map(DriftReport.Signal::name).toList());
        assertTrue(r.signal("stance").describe().contains("FAR from the training data"));
    }

    @Test
    void aSmallBatchNeedsTheChiSquareTestTooNotJustAPsiAboveTheLine() {
        DriftTally t = new DriftTally(reference());
        List<String> labels = List.of("left", "left", "left", "left", "left", "left", "center", "right");
        for (int i = 0; i < labels.size(); i++) {
            t.add(prediction(i, labels.get(i), 0.85));
        }
        DriftReport.Signal s = t.report().signal("stance");
        assertTrue(s.psi() >= DriftReport.FAR_PSI, "PSI " + s.psi());
        assertFalse(s.far(), "8 articles: chi-square " + s.chiSquare() + " of " + s.critical());
    }

    @Test
    void talliesMergeAndTheReferenceRoundTripsThroughTheMetrics() {
        DriftReference ref = reference();
        var metrics = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        metrics.set(DriftReference.METRICS_KEY, ref.toJson());
        assertEquals(ref, DriftReference.fromMetrics(metrics).orElseThrow());
        DriftTally a = new DriftTally(ref);
        DriftTally b = new DriftTally(ref);
        DriftTally all = new DriftTally(ref);
        List<Prediction> batch = like(300, 5);
        for (int i = 0; i < batch.size(); i++) {
            (i % 2 == 0 ? a : b).add(batch.get(i));
            all.add(batch.get(i));
        }
        a.merge(b);
        assertEquals(all.report().signal("stance").psi(), a.report().signal("stance").psi(), 1e-12);
        assertEquals(10, ref.shareCounts().length, "deciles of distinct shares");
    }

    @Test
    void theCriticalValuesAreThoseOfChiSquareAtTheLevel() {
        assertEquals(10.828, DriftReport.criticalValue(1), 1e-3);
        assertEquals(13.816, DriftReport.criticalValue(2), 1e-3);
        assertEquals(27.877, DriftReport.criticalValue(9), 0.2);
    }
}
