package dev.slant.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.drift.DriftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeMetricsDriftTest {
    private static Prediction p(int i, String label, double share) {
        Map<String, Double> probs = label.equals("left") ? Map.of("left", 0.8, "right", 0.2) : Map.of("left", 0.2, "right", 0.8);
        return new Prediction("a" + i, List.of(new TargetPrediction("stance", label, 0.8, probs, 4, 4, share)));
    }

    @Test
    void driftGaugesAppearOnceAReferenceIsTrackedAndFlagAFarBatch() {
        ServeMetrics metrics = new ServeMetrics(List.of("/v1/classify"), new ServeMetrics.Queue(() -> 0, () -> 0));
        assertFalse(metrics.exposition().contains("slant_drift"), "no reference, no drift gauges");
        List<Prediction> training = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            training.add(p(i, i % 2 == 0 ? "left" : "right", 0.80 + (i % 10) / 100.0));
        }
        metrics.trackDrift(DriftReference.of("test", training, Map.of("stance", List.of("left", "right"))));
        for (int i = 0; i < 300; i++) {
            metrics.predicted(p(i, "left", 0.3));
        }
        List<String> lines = metrics.exposition().lines().toList();
        assertTrue(lines.contains("slant_drift_articles 300"), lines.toString());
        assertTrue(lines.contains("slant_drift_far{signal=\"stance\"} 1"), lines.toString());
        assertTrue(lines.contains("slant_drift_far{signal=\"known n-gram share\"} 1"), lines.toString());
        assertTrue(lines.contains("slant_drift_share{signal=\"stance\",bin=\"left\",data=\"served\"} 1.0"), lines.toString());
        assertTrue(lines.contains("slant_drift_share{signal=\"stance\",bin=\"left\",data=\"training\"} 0.5"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("slant_drift_psi{signal=\"stance\"} ")), lines.toString());
    }
}
