package dev.slant.inference.explain;

import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A prediction with the explanation of each target's label.
 *
 * @param prediction   the prediction
 * @param explanations by target, in the prediction's target order; an abstaining target has none
 */
public record ExplainedPrediction(Prediction prediction, Map<String, Explanation> explanations) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if an explanation is missing for a labelled target, given for an
     *                                  abstaining one, or explains another label than the predicted one
     * @throws NullPointerException     if an argument is null
     */
    public ExplainedPrediction {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(explanations, "explanations");
        Map<String, Explanation> ordered = new LinkedHashMap<>();
        for (TargetPrediction t : prediction.targets()) {
            Explanation e = explanations.get(t.target());
            if (t.abstained() != (e == null)) {
                throw new IllegalArgumentException("article " + prediction.articleId() + ", target " + t.target()
                        + (e == null ? ": no explanation" : ": an abstention has no explanation"));
            }
            if (e != null) {
                if (!e.label().equals(t.label()) || !e.target().equals(t.target())) {
                    throw new IllegalArgumentException("article " + prediction.articleId() + ", target " + t.target()
                            + ": the explanation is of " + e.target() + "=" + e.label() + ", not " + t.label());
                }
                ordered.put(t.target(), e);
            }
        }
        if (ordered.size() != explanations.size()) {
            throw new IllegalArgumentException("article " + prediction.articleId() + ": explanations of unknown targets "
                    + explanations.keySet());
        }
        explanations = Collections.unmodifiableMap(ordered);
    }
}
