package dev.slant.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slant.inference.bundle.Manifest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How one target is evaluated, taken from the evaluation report that training stored in the bundle's manifest
 * (so that the table is laid out as {@code slant evaluate} lays it out): the label order, whether the target is
 * ordinal, and the majority baseline of the training labels with its training share. A bundle without a stored
 * report falls back to the model's label order, not ordinal, and the majority of the evaluated rows.
 *
 * @param target        the target
 * @param labels        the labels the model knows, in report order (a gold label it does not know joins them in
 *                      the evaluation, as {@link dev.slant.inference.eval.EvaluationLabels} orders it)
 * @param ordinal       whether MAE is reported
 * @param baselineLabel the training majority label, or null to take the evaluated rows' majority
 * @param baselineShare the training share of the baseline label, empty where unknown (baseline ECE not measured)
 */
public record TargetSetup(String target, List<String> labels, boolean ordinal, String baselineLabel,
        OptionalDouble baselineShare) implements Serializable {

    /** Validates and copies. @throws IllegalArgumentException if the baseline label is not a label */
    public TargetSetup {
        labels = List.copyOf(labels);
        if (baselineLabel != null && !labels.contains(baselineLabel)) {
            throw new IllegalArgumentException("target '" + target + "': baseline label '" + baselineLabel
                    + "' is not one of " + labels);
        }
    }

    /**
     * Reads a target's setup from a manifest.
     *
     * @param manifest    the bundle's manifest
     * @param target      one of its targets
     * @return the setup
     * @throws IllegalArgumentException if the manifest has no such target
     */
    public static TargetSetup of(Manifest manifest, String target) {
        List<String> modelLabels = manifest.target(target).labels();
        JsonNode stored = storedReport(manifest.metrics(), target);
        if (stored == null) {
            return new TargetSetup(target, modelLabels, false, null, OptionalDouble.empty());
        }
        // The stored report's order of the model's labels; a gold label of that evaluation the model did not know is
        // left out here, and joins again where this evaluation meets it.
        List<String> labels = new ArrayList<>();
        stored.path("labels").forEach(l -> {
            if (modelLabels.contains(l.asText())) {
                labels.add(l.asText());
            }
        });
        if (labels.size() != modelLabels.size() || !new HashSet<>(labels).containsAll(modelLabels)) {
            labels.clear();
            labels.addAll(modelLabels);
        }
        String baseline = stored.path("baseline").asText("");
        String label = baseline.startsWith("majority '") && baseline.endsWith("'")
                ? baseline.substring("majority '".length(), baseline.length() - 1) : null;
        if (label != null && !labels.contains(label)) {
            label = null;
        }
        OptionalDouble share = OptionalDouble.empty();
        for (JsonNode bin : stored.path("baselineFigures").path("calibration").path("binned")) {
            if (label != null && bin.path("count").asLong() > 0 && bin.path("meanConfidence").isNumber()) {
                share = OptionalDouble.of(bin.path("meanConfidence").asDouble());
            }
        }
        return new TargetSetup(target, labels, stored.path("ordinal").asBoolean(false), label, share);
    }

    private static JsonNode storedReport(JsonNode metrics, String target) {
        if (metrics == null) {
            return null;
        }
        for (String part : List.of("test", "valid")) {
            for (JsonNode t : metrics.path("targets").path(target).path(part).path("targets")) {
                if (target.equals(t.path("target").asText()) && "evaluation".equals(t.path("kind").asText())) {
                    return t;
                }
            }
        }
        return null;
    }
}
