package dev.slant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.explain.Explanation;
import dev.slant.inference.explain.NgramContribution;
import dev.slant.inference.explain.SentenceContribution;
import dev.slant.inference.json.PredictionJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jetty.util.Fields;

/**
 * What the page's Classify view shows ({@code POST /v1/explain?target=T&label=L}): the prediction of every target
 * with every label's probability, and for one target and label (the predicted one unless the user picked
 * another) the library's explanation whole: every sentence's contribution in reading order, for the shading, and
 * the n-grams that pushed most towards the label and most away from it.
 *
 * <pre>{@code
 * {"prediction": {...PredictionJson, with probabilities...},
 *  "target": "stance", "label": "left", "predicted": true,
 *  "explanation": {"decisionValue", "bias",
 *                  "sentences": [{"field", "index", "text", "contribution"}, ...],   // title first, then the text
 *                  "ngramsFor": [{"ngram", "occurrences", "contribution"}, ...],     // largest first
 *                  "ngramsAgainst": [...]}                                          // most negative first
 *  }}
 * }</pre>
 * {@code "explanation"} is null when the target abstained.
 */
final class PageExplainer {
    /** How many n-grams the page lists on each side. */
    static final int NGRAMS = 10;

    private final SlantClassifier slant;

    PageExplainer(SlantClassifier slant) {
        this.slant = slant;
    }

    /**
     * @param article the article
     * @param query   {@code target} (default: the first) and {@code label} (default: the predicted one)
     * @return the answer
     * @throws ApiException 400 for an unknown target, label or parameter
     */
    ObjectNode explain(Article article, Fields query) throws ApiException {
        String target = slant.targets().get(0);
        String label = null;
        for (Fields.Field f : query) {
            if (f.getValues().size() != 1) {
                throw new ApiException(400, "query parameter '" + f.getName() + "' is given " + f.getValues().size() + " times");
            }
            switch (f.getName()) {
                case "target" -> target = f.getValue();
                case "label" -> label = f.getValue();
                default -> throw new ApiException(400, "unknown query parameter '" + f.getName() + "'; known: target, label");
            }
        }
        if (!slant.targets().contains(target)) {
            throw new ApiException(400, "no target '" + target + "'; the model has " + slant.targets());
        }
        if (label != null && !slant.labels(target).contains(label)) {
            throw new ApiException(400, "target " + target + " has no label '" + label + "'");
        }
        Prediction p = slant.classify(article);
        TargetPrediction t = p.target(target);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode prediction = PredictionJson.toJson(p, true);
        prediction.remove("id");
        json.set("prediction", prediction);
        json.put("target", target);
        if (t.abstained()) {
            json.putNull("label");
            json.put("predicted", false);
            json.putNull("explanation");
            return json;
        }
        String explained = label == null ? t.label() : label;
        json.put("label", explained);
        json.put("predicted", explained.equals(t.label()));
        json.set("explanation", explanation(slant.explain(article, target, explained, Integer.MAX_VALUE)));
        return json;
    }

    private static ObjectNode explanation(Explanation e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("decisionValue", e.decisionValue());
        o.put("bias", e.bias());
        List<SentenceContribution> reading = new ArrayList<>(e.sentences());
        reading.sort(Comparator.comparing((SentenceContribution s) -> !s.field().equals(SentenceContribution.TITLE))
                .thenComparingInt(SentenceContribution::index));
        ArrayNode sentences = o.putArray("sentences");
        for (SentenceContribution s : reading) {
            sentences.addObject().put("field", s.field()).put("index", s.index()).put("text", s.text())
                    .put("contribution", s.contribution());
        }
        ArrayNode forIt = o.putArray("ngramsFor");
        for (NgramContribution n : e.ngrams()) {
            if (forIt.size() == NGRAMS || n.contribution() <= 0) {
                break;
            }
            ngram(forIt, n);
        }
        ArrayNode against = o.putArray("ngramsAgainst");
        for (int i = e.ngrams().size() - 1; i >= 0 && against.size() < NGRAMS; i--) {
            NgramContribution n = e.ngrams().get(i);
            if (n.contribution() >= 0) {
                break;
            }
            ngram(against, n);
        }
        return o;
    }

    private static void ngram(ArrayNode out, NgramContribution n) {
        out.addObject().put("ngram", n.name()).put("occurrences", n.occurrences()).put("contribution", n.contribution());
    }
}
