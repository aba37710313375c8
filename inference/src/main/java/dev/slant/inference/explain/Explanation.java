package dev.slant.inference.explain;

import java.util.List;
import java.util.Objects;

/**
 * Why a target got its label: the label's decision value, its bias, and the n-grams and sentences that
 * contributed most to it, largest first. Over all of the article's features the n-gram contributions plus the
 * bias add up to the decision value, and the sentence contributions add up to the same total as the n-grams.
 *
 * @param target        the target
 * @param label         the predicted label
 * @param decisionValue the label's decision value, as the scorer computes it
 * @param bias          the label's bias (the decision value of an article with no known feature)
 * @param ngrams        the top n-grams by contribution, largest first
 * @param sentences     the top sentences by contribution, largest first
 */
public record Explanation(String target, String label, double decisionValue, double bias,
        List<NgramContribution> ngrams, List<SentenceContribution> sentences) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the numbers are not finite or a list is not sorted largest first
     * @throws NullPointerException     if an argument is null
     */
    public Explanation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(label, "label");
        ngrams = List.copyOf(ngrams);
        sentences = List.copyOf(sentences);
        if (!Double.isFinite(decisionValue) || !Double.isFinite(bias)) {
            throw new IllegalArgumentException(target + ": decision value " + decisionValue + " and bias " + bias
                    + " must be finite");
        }
        for (int i = 1; i < ngrams.size(); i++) {
            if (ngrams.get(i).contribution() > ngrams.get(i - 1).contribution()) {
                throw new IllegalArgumentException(target + ": n-grams are not sorted largest first at " + i);
            }
        }
        for (int i = 1; i < sentences.size(); i++) {
            if (sentences.get(i).contribution() > sentences.get(i - 1).contribution()) {
                throw new IllegalArgumentException(target + ": sentences are not sorted largest first at " + i);
            }
        }
    }
}
