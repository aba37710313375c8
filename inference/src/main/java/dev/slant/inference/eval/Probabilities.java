package dev.slant.inference.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The one check of a probability-per-label map, shared by outcomes and baselines. */
final class Probabilities {
    private Probabilities() {
    }

    /**
     * Validates and copies a probability map.
     *
     * @param owner         what the map belongs to, for messages ("article 'a1'")
     * @param probabilities probability per label, possibly empty
     * @return an immutable copy in the order given
     * @throws NullPointerException     if the map or a probability is null
     * @throws IllegalArgumentException if a label is blank, a probability is not in [0, 1], or a non-empty map
     *                                  does not sum to 1 within {@link Outcome#PROBABILITY_SUM_TOLERANCE}
     */
    static Map<String, Double> checked(String owner, Map<String, Double> probabilities) {
        Objects.requireNonNull(probabilities, () -> owner + ": probabilities are null");
        Map<String, Double> copy = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            String label = e.getKey();
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(owner + ": probability for a blank label");
            }
            Double p = e.getValue();
            if (p == null) {
                throw new NullPointerException(owner + ": probability of '" + label + "' is null");
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(owner + ": probability of '" + label + "' is " + p
                        + ", not in [0, 1]");
            }
            copy.put(label, p);
            sum += p;
        }
        if (!copy.isEmpty() && Math.abs(sum - 1) > Outcome.PROBABILITY_SUM_TOLERANCE) {
            throw new IllegalArgumentException(owner + ": probabilities sum to " + sum + ", not 1");
        }
        return Collections.unmodifiableMap(copy);
    }
}
