package dev.slant.inference.eval;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a model said about one evaluated article: its gold label, the label it predicted (or none, an
 * abstention) and, where the model gives them, its probability per label.
 *
 * @param articleId     the article's identifier, named in error messages; never blank
 * @param gold          the article's gold label; never blank
 * @param predicted     the predicted label, or null where the model abstained
 * @param probabilities probability per label, empty where the model gives none; each in [0, 1], summing to 1
 *                      within {@link #PROBABILITY_SUM_TOLERANCE}; a label left out has probability 0; copied,
 *                      immutable, in the order given
 */
public record Outcome(String articleId, String gold, String predicted, Map<String, Double> probabilities) {

    /** How far a non-empty probability map may sum from 1. */
    public static final double PROBABILITY_SUM_TOLERANCE = 1e-6;

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if the id, the gold label, the map or a probability is null
     * @throws IllegalArgumentException if the id, the gold label, the predicted label or a probability's label is
     *                                  blank, a probability is not a number in [0, 1], or they do not sum to 1
     */
    public Outcome {
        Objects.requireNonNull(articleId, "articleId");
        if (articleId.isBlank()) {
            throw new IllegalArgumentException("outcome with a blank article id");
        }
        Objects.requireNonNull(gold, () -> "article '" + articleId + "': gold label is null");
        if (gold.isBlank()) {
            throw new IllegalArgumentException("article '" + articleId + "': gold label is blank");
        }
        if (predicted != null && predicted.isBlank()) {
            throw new IllegalArgumentException("article '" + articleId
                    + "': predicted label is blank (use null for an abstention)");
        }
        probabilities = Probabilities.checked("article '" + articleId + "'", probabilities);
    }

    /**
     * An article the model labelled.
     *
     * @param articleId     the article's identifier
     * @param gold          its gold label
     * @param predicted     the predicted label
     * @param probabilities probability per label, empty if the model gives none
     * @return the outcome
     * @throws NullPointerException     if the predicted label or another argument is null
     * @throws IllegalArgumentException as the constructor does
     */
    public static Outcome answered(String articleId, String gold, String predicted, Map<String, Double> probabilities) {
        Objects.requireNonNull(predicted, () -> "article '" + articleId + "': predicted label is null");
        return new Outcome(articleId, gold, predicted, probabilities);
    }

    /**
     * An article the model gave no label.
     *
     * @param articleId     the article's identifier
     * @param gold          its gold label
     * @param probabilities probability per label, empty if the model gives none
     * @return the outcome
     * @throws IllegalArgumentException as the constructor does
     */
    public static Outcome abstained(String articleId, String gold, Map<String, Double> probabilities) {
        return new Outcome(articleId, gold, null, probabilities);
    }

    /** @return true if the model gave this article no label */
    public boolean isAbstention() {
        return predicted == null;
    }

    /** @return the predicted label, empty for an abstention */
    public Optional<String> prediction() {
        return Optional.ofNullable(predicted);
    }

    /** @return true if the model predicted the gold label */
    public boolean isCorrect() {
        return gold.equals(predicted);
    }

    /**
     * The top-label confidence that calibration measures: the probability given to the predicted label.
     *
     * @return it, empty for an abstention or where the model gives no probabilities
     */
    public OptionalDouble confidence() {
        if (predicted == null || probabilities.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(probabilities.getOrDefault(predicted, 0.0));
    }
}
