package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report section of one evaluation, as every report shows it: the headline figures beside the baseline's, the
 * per-class figures, the confusion matrix (with an abstention column where the model abstained) and the notes that
 * qualify them (abstentions, labels without support or never predicted, what ECE covers).
 */
public final class EvaluationSection {
    private EvaluationSection() {
    }

    /**
     * @param title           what is evaluated, for example the target's name; the heading adds the number of
     *                        articles and whether the target is ordinal
     * @param ordinal         whether the target is ordinal (MAE is shown only then)
     * @param baseline        the baseline's description, for example {@code majority 'right'}
     * @param model           the model's figures
     * @param baselineFigures the baseline's figures on the same articles
     * @return the section
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the baseline's figures are over other labels or another number of articles
     */
    public static ReportSection of(String title, boolean ordinal, String baseline, Figures model,
                                   Figures baselineFigures) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baselineFigures, "baselineFigures");
        if (!baselineFigures.confusion().labels().equals(model.confusion().labels())
                || baselineFigures.articles() != model.articles()) {
            throw new IllegalArgumentException("'" + title + "': the baseline's figures are of "
                    + baselineFigures.articles() + " articles over " + baselineFigures.confusion().labels()
                    + ", the model's of " + model.articles() + " over " + model.confusion().labels());
        }
        Figures m = model;
        Figures b = baselineFigures;
        String heading = title + " (" + m.articles() + " articles" + (ordinal ? ", ordinal" : "") + ")";

        List<List<String>> headline = new ArrayList<>();
        headline.add(List.of("accuracy", Format.percent(m.accuracy()), Format.percent(b.accuracy())));
        headline.add(List.of("macro-F1", Format.percent(m.macroF1()), Format.percent(b.macroF1())));
        headline.add(List.of("weighted-F1", Format.percent(m.weightedF1()), Format.percent(b.weightedF1())));
        if (ordinal) {
            headline.add(List.of("MAE", Format.distance(m.mae()), Format.distance(b.mae())));
        }
        headline.add(List.of("ECE", Format.percent(m.ece()), Format.percent(b.ece())));
        Table figures = new Table("Figures (%, MAE in label steps)", List.of("figure", "model", baseline),
                headline);

        List<List<String>> perClass = new ArrayList<>();
        for (ClassFigures c : m.perClass()) {
            perClass.add(List.of(c.label(), Format.percent(c.precision()), Format.percent(c.recall()),
                    Format.percent(c.f1()), Integer.toString(c.support()), Integer.toString(c.predicted())));
        }
        Table classes = new Table("Per class (%)", List.of("label", "precision", "recall", "F1", "support",
                "predicted"), perClass);

        return new ReportSection(heading, List.of(figures, classes, confusion(m.confusion())), notes(ordinal, m, b));
    }

    private static Table confusion(ConfusionMatrix c) {
        boolean abstentions = c.abstentions() > 0;
        List<String> header = new ArrayList<>();
        header.add("gold \\ predicted");
        header.addAll(c.labels());
        if (abstentions) {
            header.add("(abstained)");
        }
        header.add("support");
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < c.labels().size(); g++) {
            List<String> row = new ArrayList<>();
            row.add(c.labels().get(g));
            for (int p = 0; p < c.labels().size(); p++) {
                row.add(Integer.toString(c.count(g, p)));
            }
            if (abstentions) {
                row.add(Integer.toString(c.abstained().get(g)));
            }
            row.add(Integer.toString(c.support(g)));
            rows.add(row);
        }
        return new Table("Confusion matrix (rows gold, columns predicted)", header, rows);
    }

    private static List<String> notes(boolean ordinal, Figures m, Figures b) {
        List<String> notes = new ArrayList<>();
        if (m.abstained() > 0) {
            notes.add(m.abstained() + " of " + m.articles() + " articles abstained: counted as wrong, as missed"
                    + " articles of their gold label" + (ordinal ? ", and as distance "
                    + (m.confusion().labels().size() - 1) + " for MAE" : "") + ".");
        }
        List<String> noSupport = new ArrayList<>();
        List<String> neverPredicted = new ArrayList<>();
        for (ClassFigures c : m.perClass()) {
            if (c.support() == 0) {
                noSupport.add(c.label());
            }
            if (c.predicted() == 0) {
                neverPredicted.add(c.label());
            }
        }
        if (!noSupport.isEmpty()) {
            notes.add("No gold articles for " + String.join(", ", noSupport) + ": recall and F1 are 0"
                    + " (scikit-learn zero_division=0) and still count in macro-F1.");
        }
        if (!neverPredicted.isEmpty()) {
            notes.add("Never predicted: " + String.join(", ", neverPredicted) + " (precision 0).");
        }
        notes.add(m.calibration()
                .map(c -> "ECE: " + Calibration.BINS + " equal-width bins of the predicted label's probability, over "
                        + c.measured() + " articles" + (c.unmeasured() > 0 ? "; " + c.unmeasured()
                        + " left out (abstained or without probabilities)" : "") + ".")
                .orElse("ECE not measured: the model gave no probabilities."));
        if (b.calibration().isEmpty()) {
            notes.add("Baseline ECE not measured: only the majority label was given, not the training label shares.");
        }
        return notes;
    }
}
