package dev.slant.serve.archive;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of a scored file: the article's id and what else the file carries about it, and each target's label.
 *
 * @param number        the row's 1-based number in the file (the header not counted)
 * @param id            the article's id, or "" if the file has none
 * @param title         its title, or "" if the file has none
 * @param outlet        its outlet, or "" if unknown
 * @param date          its date as the file gives it, or ""
 * @param labels        each target's label in {@link ScoredFile#targets()} order; null where the target abstained
 * @param probabilities each label's probability, NaN where the target abstained or the file gives none
 */
public record ScoredRow(long number, String id, String title, String outlet, String date, List<String> labels,
        double[] probabilities) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if labels and probabilities differ in length
     * @throws NullPointerException     if a part is null
     */
    public ScoredRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(date, "date");
        labels = Collections.unmodifiableList(new java.util.ArrayList<>(labels));
        probabilities = probabilities.clone();
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException(labels.size() + " labels but " + probabilities.length + " probabilities");
        }
    }

    /**
     * @param target the target's position in {@link ScoredFile#targets()}
     * @return its label, or null if it abstained
     */
    public String label(int target) {
        return labels.get(target);
    }

    /**
     * @param target the target's position
     * @return the label's probability, NaN if none
     */
    public double probability(int target) {
        return probabilities[target];
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredRow r && number == r.number && id.equals(r.id) && title.equals(r.title)
                && outlet.equals(r.outlet) && date.equals(r.date) && labels.equals(r.labels)
                && Arrays.equals(probabilities, r.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, id, labels) * 31 + Arrays.hashCode(probabilities);
    }
}
