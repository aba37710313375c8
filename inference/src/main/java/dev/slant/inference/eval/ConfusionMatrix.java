package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of evaluated articles by gold label (rows) and predicted label (columns), with the abstentions of each
 * gold label in a column of their own, so that each row sums to its label's support.
 *
 * @param labels    the labels, in the declared order (rows and columns)
 * @param counts    {@code counts.get(gold).get(predicted)}: articles of that gold label given that label
 * @param abstained per gold label, the articles the model gave no label
 */
public record ConfusionMatrix(List<String> labels, List<List<Integer>> counts, List<Integer> abstained) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the matrix is not square over the labels or a count is negative
     */
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        abstained = List.copyOf(abstained);
        int n = labels.size();
        if (counts.size() != n || abstained.size() != n) {
            throw new IllegalArgumentException("confusion matrix needs " + n + " rows and abstention counts, got "
                    + counts.size() + " and " + abstained.size());
        }
        List<List<Integer>> copy = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            List<Integer> row = List.copyOf(counts.get(g));
            if (row.size() != n) {
                throw new IllegalArgumentException("confusion matrix row " + g + " has " + row.size()
                        + " columns, not " + n);
            }
            for (int c : row) {
                requireNotNegative(c);
            }
            requireNotNegative(abstained.get(g));
            copy.add(row);
        }
        counts = List.copyOf(copy);
    }

    private static void requireNotNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count + " in a confusion matrix");
        }
    }

    /**
     * The matrix of a tally.
     *
     * @param tally the counts
     * @return the matrix, over the tally's labels in its order
     * @throws ArithmeticException if a count does not fit an int
     */
    static ConfusionMatrix of(TargetTally tally) {
        int n = tally.labels().size();
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> abstainedList = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            List<Integer> row = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                row.add(Math.toIntExact(tally.count(g, p)));
            }
            rows.add(row);
            abstainedList.add(Math.toIntExact(tally.abstained(g)));
        }
        return new ConfusionMatrix(tally.labels(), rows, abstainedList);
    }

    /**
     * @param gold      row: index of the gold label
     * @param predicted column: index of the predicted label
     * @return the number of articles of that gold label given that label
     * @throws IndexOutOfBoundsException if an index is not a label's
     */
    public int count(int gold, int predicted) {
        return counts.get(gold).get(predicted);
    }

    /**
     * @param gold index of a gold label
     * @return its support: the articles with that gold label, abstentions included
     * @throws IndexOutOfBoundsException if the index is not a label's
     */
    public int support(int gold) {
        int sum = abstained.get(gold);
        for (int c : counts.get(gold)) {
            sum += c;
        }
        return sum;
    }

    /**
     * @param predicted index of a label
     * @return the number of articles the model gave that label
     * @throws IndexOutOfBoundsException if the index is not a label's
     */
    public int predictedCount(int predicted) {
        int sum = 0;
        for (List<Integer> row : counts) {
            sum += row.get(predicted);
        }
        return sum;
    }

    /** @return the number of abstentions over all gold labels */
    public int abstentions() {
        int sum = 0;
        for (int a : abstained) {
            sum += a;
        }
        return sum;
    }

    /** @return the number of articles counted */
    public int total() {
        int sum = 0;
        for (int g = 0; g < labels.size(); g++) {
            sum += support(g);
        }
        return sum;
    }
}
