package dev.slant.inference.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.explain.Explanation;
import dev.slant.inference.explain.NgramContribution;
import dev.slant.inference.explain.SentenceContribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Prediction prediction() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("left", 0.71);
        p.put("center", 0.2);
        p.put("right", 0.09);
        return new Prediction("a1", List.of(new TargetPrediction("stance", "left", 0.71, p, 812, 830, 0.875),
                TargetPrediction.abstain("topic", 830)));
    }

    @Test
    void theContractsShape() throws Exception {
        assertEquals("{\"id\":\"a1\",\"stance\":{\"label\":\"left\",\"probability\":0.71,\"abstained\":false,"
                + "\"knownFeatures\":812,\"features\":830,\"knownShare\":0.875},\"topic\":{\"label\":null,"
                + "\"probability\":null,\"abstained\":true,\"knownFeatures\":0,\"features\":830,"
                + "\"abstention\":\"no known feature\"}}",
                JSON.writeValueAsString(PredictionJson.toJson(prediction(), false)));
        ObjectNode all = PredictionJson.toJson(prediction(), true);
        assertEquals("{\"left\":0.71,\"center\":0.2,\"right\":0.09}", JSON.writeValueAsString(all.get("stance").get("probabilities")));
        assertEquals("{}", JSON.writeValueAsString(all.get("topic").get("probabilities")),
                "an abstention's probabilities are empty, so every answer has the same shape");
        assertFalse(JSON.writeValueAsString(all).contains("NaN"));
    }

    @Test
    void explanationsGoUnderTheirTarget() throws Exception {
        Explanation e = new Explanation("stance", "left", 0.5, -0.25,
                List.of(new NgramContribution(7, List.of("tax cuts"), 2, 0.5, 1.5, 0.75)),
                List.of(new SentenceContribution("text", 0, "Tax cuts.", 0.75)));
        ObjectNode o = PredictionJson.toJson(prediction(), false, Map.of("stance", e));
        assertEquals("{\"decisionValue\":0.5,\"bias\":-0.25,\"ngrams\":[{\"ngram\":\"tax cuts\",\"bucket\":7,"
                + "\"occurrences\":2,\"value\":0.5,\"weight\":1.5,\"contribution\":0.75}],\"sentences\":[{\"field\":\"text\","
                + "\"index\":0,\"text\":\"Tax cuts.\",\"contribution\":0.75}]}", JSON.writeValueAsString(o.get("stance").get("explanation")));
        assertFalse(o.get("topic").has("explanation"));
        Explanation wrong = new Explanation("stance", "right", 0.5, -0.25, List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> PredictionJson.toJson(prediction(), false, Map.of("stance", wrong)));
        assertThrows(IllegalArgumentException.class, () -> PredictionJson.toJson(prediction(), false, Map.of("mood", e)));
    }
}
