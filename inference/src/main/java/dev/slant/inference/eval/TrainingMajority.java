package dev.slant.inference.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The majority baseline of a bundle's training labels, for evaluations that have no train part of their own (a
 * user's labelled file tested whole): the label shares training stored in the bundle's metrics
 * ({@value #SHARES_KEY} under each target), else the label its stored test or valid report names as its majority,
 * else, for a bundle that stores neither, the majority of the evaluated articles themselves.
 */
public final class TrainingMajority {
    /** The key, under {@code metrics.targets.T}, of the training label shares. */
    public static final String SHARES_KEY = "trainingLabelShares";

    private TrainingMajority() {
    }

    /**
     * @param metrics  the bundle's metrics
     * @param target   the target
     * @param labels   the evaluation's labels
     * @param outcomes the evaluated articles (for the last resort)
     * @return the baseline
     */
    public static MajorityBaseline of(JsonNode metrics, String target, List<String> labels, List<Outcome> outcomes) {
        JsonNode t = metrics.path("targets").path(target);
        JsonNode shares = t.path(SHARES_KEY);
        if (shares.isObject() && shares.size() > 0) {
            Map<String, Double> byLabel = new LinkedHashMap<>();
            labels.forEach(l -> byLabel.put(l, shares.path(l).asDouble(0)));
            String best = null;
            for (Map.Entry<String, Double> e : byLabel.entrySet()) {
                if (best == null || e.getValue() > byLabel.get(best)) {
                    best = e.getKey();
                }
            }
            double sum = byLabel.values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1) <= Outcome.PROBABILITY_SUM_TOLERANCE) {
                return new MajorityBaseline(best, byLabel);
            }
            return MajorityBaseline.of(best);
        }
        for (String part : List.of("test", "valid")) {
            for (JsonNode r : t.path(part).path("targets")) {
                String b = r.path("baseline").asText("");
                if (b.startsWith("majority '") && b.endsWith("'")) {
                    String label = b.substring("majority '".length(), b.length() - 1);
                    if (labels.contains(label)) {
                        return MajorityBaseline.of(label);
                    }
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.put(l, 0));
        outcomes.forEach(o -> counts.merge(o.gold(), 1, Integer::sum));
        String best = labels.get(0);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return MajorityBaseline.of(best);
    }
}
