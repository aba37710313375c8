package dev.slant.training;

import dev.slant.datasets.LabelledArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The articles of one part that carry a label for one target: their positions in the corpus and their labels.
 * Articles of the part without that label are counted, not silently dropped.
 *
 * @param target    the target
 * @param rows      positions in the corpus's article list
 * @param labels    the label of each row
 * @param unlabeled how many articles of the part had no label for the target
 */
public record TargetRows(String target, int[] rows, List<String> labels, int unlabeled) {

    /** Validates. @throws IllegalArgumentException if rows and labels differ in length */
    public TargetRows {
        Objects.requireNonNull(target, "target");
        rows = rows.clone();
        labels = List.copyOf(labels);
        if (rows.length != labels.size()) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.size() + " labels");
        }
    }

    /**
     * Selects the labelled rows of a part.
     *
     * @param target   the target
     * @param articles the corpus
     * @param part     positions of the part's articles
     * @return the rows with a label for the target
     */
    public static TargetRows of(String target, List<LabelledArticle> articles, int[] part) {
        int[] rows = new int[part.length];
        List<String> labels = new ArrayList<>(part.length);
        int k = 0;
        for (int r : part) {
            var label = articles.get(r).labels().get(target);
            if (label.isPresent()) {
                rows[k++] = r;
                labels.add(label.get());
            }
        }
        return new TargetRows(target, Arrays.copyOf(rows, k), labels, part.length - k);
    }

    /** @return a copy of the rows */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** @return the number of labelled rows */
    public int size() {
        return rows.length;
    }
}
