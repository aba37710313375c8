package dev.slant.inference;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The predictions for one article, one per target of the classifier, in the classifier's target order.
 *
 * @param articleId the article's id
 * @param targets   one prediction per target, distinct targets
 */
public record Prediction(String articleId, List<TargetPrediction> targets) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there is no target or a target appears twice
     * @throws NullPointerException     if an argument is null
     */
    public Prediction {
        Objects.requireNonNull(articleId, "articleId");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("article " + articleId + ": no target predicted");
        }
        HashSet<String> seen = new HashSet<>();
        for (TargetPrediction t : targets) {
            if (!seen.add(t.target())) {
                throw new IllegalArgumentException("article " + articleId + ": target " + t.target() + " appears twice");
            }
        }
    }

    /**
     * @param target a target name
     * @return its prediction
     * @throws IllegalArgumentException if there is no such target
     */
    public TargetPrediction target(String target) {
        for (TargetPrediction t : targets) {
            if (t.target().equals(target)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no target '" + target + "'; predicted targets are "
                + targets.stream().map(TargetPrediction::target).toList());
    }
}
