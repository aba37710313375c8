package dev.slant.inference.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.explain.Explanation;
import dev.slant.inference.explain.NgramContribution;
import dev.slant.inference.explain.SentenceContribution;
import java.util.Map;
import java.util.Objects;

/**
 * The one JSON form of a prediction: an object with the article's {@code "id"} and one object per target, in
 * the classifier's target order:
 *
 * <pre>{@code
 * {"id": "a1",
 *  "stance": {"label": "left", "probability": 0.71, "abstained": false, "knownFeatures": 812, "features": 830,
 *             "probabilities": {"left": 0.71, "center": 0.2, "right": 0.09}},
 *  "topic": {...}}
 * }</pre>
 *
 * {@code "probabilities"} is there only when asked for. An abstaining target is
 * {@code {"label": null, "probability": null, "abstained": true, "knownFeatures": 0, "features": N}}: no NaN ever
 * reaches JSON. An explanation, when asked for, goes under its target as {@code "explanation"}:
 * {@code {"decisionValue", "bias", "ngrams": [{"ngram", "bucket", "occurrences", "value", "weight",
 * "contribution"}], "sentences": [{"field", "index", "text", "contribution"}]}}.
 */
public final class PredictionJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PredictionJson() {
    }

    /**
     * The JSON form of a prediction.
     *
     * @param p                the prediction
     * @param allProbabilities whether to add every label's probability
     * @return the object
     * @throws NullPointerException if p is null
     */
    public static ObjectNode toJson(Prediction p, boolean allProbabilities) {
        return toJson(p, allProbabilities, Map.of());
    }

    /**
     * The JSON form of a prediction with explanations.
     *
     * @param p                the prediction
     * @param allProbabilities whether to add every label's probability
     * @param explanations     explanations by target (targets without one get none; empty for none at all)
     * @return the object
     * @throws IllegalArgumentException if an explanation is given for a target the prediction lacks or for
     *                                  another label than the predicted one, or a target is named "id"
     * @throws NullPointerException     if an argument is null
     */
    public static ObjectNode toJson(Prediction p, boolean allProbabilities, Map<String, Explanation> explanations) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(explanations, "explanations");
        ObjectNode root = NODES.objectNode();
        root.put("id", p.articleId());
        for (TargetPrediction t : p.targets()) {
            if (t.target().equals("id")) {
                throw new IllegalArgumentException("a target named 'id' would collide with the article's id");
            }
            root.set(t.target(), target(t, allProbabilities, explanations.get(t.target())));
        }
        for (String target : explanations.keySet()) {
            p.target(target);
        }
        return root;
    }

    private static ObjectNode target(TargetPrediction t, boolean allProbabilities, Explanation explanation) {
        ObjectNode o = NODES.objectNode();
        if (t.abstained()) {
            o.putNull("label");
            o.putNull("probability");
        } else {
            o.put("label", t.label());
            o.put("probability", t.probability());
        }
        o.put("abstained", t.abstained());
        o.put("knownFeatures", t.knownFeatures());
        o.put("features", t.features());
        if (!Double.isNaN(t.knownShare())) {
            o.put("knownShare", t.knownShare());
        }
        if (t.abstained()) {
            o.put("abstention", t.abstention());
        }
        if (allProbabilities) {
            // Always present when asked for, so every answer has one shape; empty for an abstention.
            ObjectNode probs = o.putObject("probabilities");
            t.probabilities().forEach(probs::put);
        }
        if (explanation != null) {
            if (t.abstained() || !explanation.label().equals(t.label())) {
                throw new IllegalArgumentException("target " + t.target() + ": the explanation is of label "
                        + explanation.label() + ", the prediction is " + t.label());
            }
            o.set("explanation", explanation(explanation));
        }
        return o;
    }

    /**
     * @param e an explanation
     * @return its JSON form (what goes under a target as {@code "explanation"})
     */
    public static ObjectNode explanation(Explanation e) {
        ObjectNode o = NODES.objectNode();
        o.put("decisionValue", e.decisionValue());
        o.put("bias", e.bias());
        ArrayNode ngrams = o.putArray("ngrams");
        for (NgramContribution c : e.ngrams()) {
            ngrams.addObject().put("ngram", c.name()).put("bucket", c.bucket()).put("occurrences", c.occurrences())
                    .put("value", c.value()).put("weight", c.weight()).put("contribution", c.contribution());
        }
        ArrayNode sentences = o.putArray("sentences");
        for (SentenceContribution s : e.sentences()) {
            sentences.addObject().put("field", s.field()).put("index", s.index()).put("text", s.text())
                    .put("contribution", s.contribution());
        }
        return o;
    }
}
