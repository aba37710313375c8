package dev.slant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.bundle.Manifest;
import dev.slant.inference.bundle.ManifestTarget;

/**
 * What {@code GET /v1/model} answers: the bundle's targets with their labels, its metrics and its provenance, and
 * the service's limits (which the page shows).
 */
final class ModelInfo {
    private ModelInfo() {
    }

    /**
     * <pre>{@code
     * {"targets": [{"name", "labels", "modelType", "trainer", "trainerSettings", "precision"}, ...],
     *  "metrics": {...as training recorded them...},
     *  "provenance": {"formatVersion", "slantVersion", "created", "seed", "trainingDataSha256", "rowsUsed",
     *                 "rowsRejected", "featurizer": {...}, "entries": {name: sha256}},
     *  "limits": {"maxBody", "maxBatch"},
     *  "minLabelCoverage": the least share of a target's labels an evaluated part must hold for its macro-F1}
     * }</pre>
     *
     * @param manifest the bundle's manifest
     * @param settings the service's settings
     * @return its JSON
     */
    static ObjectNode of(Manifest manifest, ServeSettings settings) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode targets = json.putArray("targets");
        for (ManifestTarget t : manifest.targets()) {
            ObjectNode target = targets.addObject();
            target.put("name", t.name());
            ArrayNode labels = target.putArray("labels");
            t.labels().forEach(labels::add);
            target.put("modelType", t.modelType());
            target.put("trainer", t.trainer());
            ObjectNode trainer = target.putObject("trainerSettings");
            t.trainerSettings().forEach(trainer::put);
            target.put("precision", t.precision().name());
        }
        json.set("metrics", manifest.metrics());
        ObjectNode provenance = json.putObject("provenance");
        provenance.put("formatVersion", manifest.formatVersion());
        provenance.put("slantVersion", manifest.slantVersion());
        provenance.put("created", manifest.created());
        provenance.put("seed", manifest.seed());
        provenance.put("trainingDataSha256", manifest.trainingDataSha256());
        provenance.put("rowsUsed", manifest.rowsUsed());
        provenance.put("rowsRejected", manifest.rowsRejected());
        provenance.set("featurizer", ServeJson.MAPPER.valueToTree(manifest.featurizer()));
        ObjectNode entries = provenance.putObject("entries");
        manifest.entries().forEach(entries::put);
        json.putObject("limits").put("maxBody", settings.maxBody()).put("maxBatch", settings.maxBatch());
        // The page leaves out a macro-F1 by the same rule as the headline tables of train and evaluate.
        json.put("minLabelCoverage", dev.slant.inference.report.Headlines.MIN_LABEL_COVERAGE);
        return json;
    }
}
