package dev.slant.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Renders a target's tally as {@code slant evaluate} prints it (the training module's plain-text report): the
 * headline figures beside the majority baseline, the per-class figures, the confusion matrix and the notes that
 * qualify them. Percentages have two decimals, MAE three.
 */
public final class EvaluationReport {
    private static final String GAP = "  ";

    private EvaluationReport() {
    }

    /**
     * @param setup the target's label order, ordinality and baseline
     * @param model the model's tally, in any label order over the same labels
     * @return the block, lines ending in {@code \n}
     * @throws IllegalArgumentException if nothing was evaluated or the labels differ
     */
    public static String render(TargetSetup setup, TargetTally model) {
        TargetTally m = reorder(model, setup.labels());
        long n = m.articles();
        if (n == 0) {
            throw new IllegalArgumentException("target '" + setup.target() + "': no rows to evaluate");
        }
        boolean ownMajority = setup.baselineLabel() == null;
        int majority = ownMajority ? majorityOf(m) : setup.labels().indexOf(setup.baselineLabel());
        TargetTally b = new TargetTally(m.target(), m.labels());
        for (int g = 0; g < m.labels().size(); g++) {
            b.addAnswers(g, majority, m.support(g));
        }
        if (setup.baselineShare().isPresent()) {
            b.addConfidence(setup.baselineShare().getAsDouble(), m.support(majority), n);
        }
        String baseline = "majority '" + m.labels().get(majority) + "'";

        StringBuilder out = new StringBuilder();
        out.append("== ").append(setup.target()).append(" (").append(n).append(" articles")
                .append(setup.ordinal() ? ", ordinal" : "").append(") ==\n");

        List<List<String>> headline = new ArrayList<>();
        headline.add(List.of("figure", "model", baseline));
        headline.add(List.of("accuracy", percent(m.accuracy()), percent(b.accuracy())));
        headline.add(List.of("macro-F1", percent(m.macroF1()), percent(b.macroF1())));
        headline.add(List.of("weighted-F1", percent(m.weightedF1()), percent(b.weightedF1())));
        if (setup.ordinal()) {
            headline.add(List.of("MAE", distance(m.mae()), distance(b.mae())));
        }
        headline.add(List.of("ECE", percent(m.ece()), percent(b.ece())));
        table(out, "Figures (%, MAE in label steps)", headline);

        List<List<String>> perClass = new ArrayList<>();
        perClass.add(List.of("label", "precision", "recall", "F1", "support", "predicted"));
        for (int i = 0; i < m.labels().size(); i++) {
            perClass.add(List.of(m.labels().get(i), percent(m.precision(i)), percent(m.recall(i)), percent(m.f1(i)),
                    Long.toString(m.support(i)), Long.toString(m.predicted(i))));
        }
        table(out, "Per class (%)", perClass);

        boolean abstentions = m.abstentions() > 0;
        List<List<String>> confusion = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("gold \\ predicted");
        header.addAll(m.labels());
        if (abstentions) {
            header.add("(abstained)");
        }
        header.add("support");
        confusion.add(header);
        for (int g = 0; g < m.labels().size(); g++) {
            List<String> row = new ArrayList<>();
            row.add(m.labels().get(g));
            for (int p = 0; p < m.labels().size(); p++) {
                row.add(Long.toString(m.count(g, p)));
            }
            if (abstentions) {
                row.add(Long.toString(m.abstained(g)));
            }
            row.add(Long.toString(m.support(g)));
            confusion.add(row);
        }
        table(out, "Confusion matrix (rows gold, columns predicted)", confusion);

        out.append('\n');
        for (String note : notes(setup, m, b, ownMajority)) {
            out.append("* ").append(note).append('\n');
        }
        return out.toString();
    }

    private static List<String> notes(TargetSetup setup, TargetTally m, TargetTally b, boolean ownMajority) {
        List<String> notes = new ArrayList<>();
        long n = m.articles();
        if (m.abstentions() > 0) {
            notes.add(m.abstentions() + " of " + n + " articles abstained: counted as wrong, as missed"
                    + " articles of their gold label" + (setup.ordinal() ? ", and as distance "
                    + (m.labels().size() - 1) + " for MAE" : "") + ".");
        }
        List<String> noSupport = new ArrayList<>();
        List<String> neverPredicted = new ArrayList<>();
        for (int i = 0; i < m.labels().size(); i++) {
            if (m.support(i) == 0) {
                noSupport.add(m.labels().get(i));
            }
            if (m.predicted(i) == 0) {
                neverPredicted.add(m.labels().get(i));
            }
        }
        if (!noSupport.isEmpty()) {
            notes.add("No gold articles for " + String.join(", ", noSupport) + ": recall and F1 are 0"
                    + " (scikit-learn zero_division=0) and still count in macro-F1.");
        }
        if (!neverPredicted.isEmpty()) {
            notes.add("Never predicted: " + String.join(", ", neverPredicted) + " (precision 0).");
        }
        long measured = m.calibrated();
        notes.add(measured > 0
                ? "ECE: " + TargetTally.BINS + " equal-width bins of the predicted label's probability, over "
                        + measured + " articles" + (n - measured > 0 ? "; " + (n - measured)
                        + " left out (abstained or without probabilities)" : "") + "."
                : "ECE not measured: the model gave no probabilities.");
        if (b.ece().isEmpty()) {
            notes.add("Baseline ECE not measured: only the majority label was given, not the training label shares.");
        }
        if (ownMajority) {
            notes.add("The bundle stores no training majority: the baseline is the majority of the evaluated rows.");
        }
        return notes;
    }

    private static int majorityOf(TargetTally m) {
        int best = 0;
        for (int i = 1; i < m.labels().size(); i++) {
            if (m.support(i) > m.support(best)) {
                best = i;
            }
        }
        return best;
    }

    private static TargetTally reorder(TargetTally t, List<String> labels) {
        if (t.labels().equals(labels)) {
            return t;
        }
        if (labels.size() != t.labels().size() || !labels.containsAll(t.labels())) {
            throw new IllegalArgumentException("target '" + t.target() + "': labels " + labels + " are not "
                    + t.labels());
        }
        TargetTally r = new TargetTally(t.target(), labels);
        int[] to = new int[labels.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = labels.indexOf(t.labels().get(i));
        }
        return r.mergeReordered(t, to);
    }

    private static void table(StringBuilder out, String title, List<List<String>> rows) {
        out.append('\n').append(title).append('\n');
        List<Integer> widths = new ArrayList<>(Collections.nCopies(rows.get(0).size(), 0));
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths.set(c, Math.max(widths.get(c), row.get(c).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    line.append(GAP);
                }
                String cell = row.get(c);
                String pad = " ".repeat(widths.get(c) - cell.length());
                line.append(c == 0 ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio * 100);
    }

    static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? percent(ratio.getAsDouble()) : "n/a";
    }

    static String distance(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
