package dev.slant.inference.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.util.Map;

/**
 * A {@link Prediction} as JSON: the article's id, then one object per target in the classifier's target order.
 *
 * <pre>{@code
 * {"id": "a1",
 *  "stance": {"label": "left", "probability": 0.71, "abstained": false, "knownFeatures": 812, "features": 830,
 *             "probabilities": {"left": 0.71, "center": 0.2, "right": 0.09}},
 *  "topic":  {...}}
 * }</pre>
 *
 * <p>{@code probabilities} (every label's, in the model's label order) appears only when asked for. An abstaining
 * target has {@code "label": null, "probability": null, "abstained": true, "knownFeatures": 0}; no NaN ever
 * reaches the JSON.
 */
public final class PredictionJson {
    private PredictionJson() {
    }

    /**
     * @param p                the prediction
     * @param allProbabilities whether each target also lists every label's probability
     * @return its JSON object, a new one on each call
     * @throws IllegalArgumentException if a target is named "id"
     */
    public static ObjectNode toJson(Prediction p, boolean allProbabilities) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", p.articleId());
        for (TargetPrediction t : p.targets()) {
            if (t.target().equals("id")) {
                throw new IllegalArgumentException("a target named 'id' would hide the article's id in the JSON");
            }
            json.set(t.target(), target(t, allProbabilities));
        }
        return json;
    }

    private static ObjectNode target(TargetPrediction t, boolean allProbabilities) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (t.abstained()) {
            json.putNull("label");
            json.putNull("probability");
        } else {
            json.put("label", t.label());
            json.put("probability", t.probability());
        }
        json.put("abstained", t.abstained());
        json.put("knownFeatures", t.knownFeatures());
        json.put("features", t.features());
        if (allProbabilities) {
            ObjectNode probabilities = json.putObject("probabilities");
            for (Map.Entry<String, Double> e : t.probabilities().entrySet()) {
                probabilities.put(e.getKey(), e.getValue().doubleValue());
            }
        }
        return json;
    }
}
