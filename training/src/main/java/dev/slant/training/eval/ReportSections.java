package dev.slant.training.eval;

import dev.slant.inference.eval.Calibration;
import dev.slant.inference.eval.ClassFigures;
import dev.slant.inference.eval.ConfusionMatrix;
import dev.slant.inference.eval.Figures;
import java.util.ArrayList;
import java.util.List;

/** The content of a report, shared by its plain-text and Markdown renderings. */
final class ReportSections {
    private ReportSections() {
    }

    /**
     * @param results the targets' results, in report order
     * @return their sections, in order
     */
    static List<ReportSection> of(List<? extends TargetResult> results) {
        List<ReportSection> sections = new ArrayList<>();
        for (TargetResult r : results) {
            if (r instanceof CrossValidation cv) {
                sections.add(folds(cv));
                sections.add(evaluation(cv.pooled(), cv.target() + ": all folds pooled"));
            } else {
                sections.add(evaluation((TargetEvaluation) r, r.target()));
            }
        }
        return sections;
    }

    private static ReportSection evaluation(TargetEvaluation e, String title) {
        Figures m = e.model();
        Figures b = e.baselineFigures();
        String heading = title + " (" + m.articles() + " articles" + (e.ordinal() ? ", ordinal" : "") + ")";

        List<List<String>> headline = new ArrayList<>();
        headline.add(List.of("accuracy", Format.percent(m.accuracy()), Format.percent(b.accuracy())));
        headline.add(List.of("macro-F1", Format.percent(m.macroF1()), Format.percent(b.macroF1())));
        headline.add(List.of("weighted-F1", Format.percent(m.weightedF1()), Format.percent(b.weightedF1())));
        if (e.ordinal()) {
            headline.add(List.of("MAE", Format.distance(m.mae()), Format.distance(b.mae())));
        }
        headline.add(List.of("ECE", Format.percent(m.ece()), Format.percent(b.ece())));
        Table figures = new Table("Figures (%, MAE in label steps)", List.of("figure", "model", e.baseline()),
                headline);

        List<List<String>> perClass = new ArrayList<>();
        for (ClassFigures c : m.perClass()) {
            perClass.add(List.of(c.label(), Format.percent(c.precision()), Format.percent(c.recall()),
                    Format.percent(c.f1()), Integer.toString(c.support()), Integer.toString(c.predicted())));
        }
        Table classes = new Table("Per class (%)", List.of("label", "precision", "recall", "F1", "support",
                "predicted"), perClass);

        return new ReportSection(heading, List.of(figures, classes, confusion(m.confusion())), notes(e));
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

    private static List<String> notes(TargetEvaluation e) {
        Figures m = e.model();
        List<String> notes = new ArrayList<>();
        if (m.abstained() > 0) {
            notes.add(m.abstained() + " of " + m.articles() + " articles abstained: counted as wrong, as missed"
                    + " articles of their gold label" + (e.ordinal() ? ", and as distance "
                    + (e.labels().size() - 1) + " for MAE" : "") + ".");
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
        if (e.baselineFigures().calibration().isEmpty()) {
            notes.add("Baseline ECE not measured: only the majority label was given, not the training label shares.");
        }
        return notes;
    }

    private static ReportSection folds(CrossValidation cv) {
        List<String> header = new ArrayList<>(List.of("fold", "articles", "baseline", "accuracy", "(baseline)",
                "macro-F1", "(baseline)"));
        if (cv.ordinal()) {
            header.addAll(List.of("MAE", "(baseline)"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < cv.folds().size(); i++) {
            TargetEvaluation f = cv.folds().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(i), Integer.toString(f.model().articles()),
                    f.baseline(), Format.percent(f.model().accuracy()), Format.percent(f.baselineFigures().accuracy()),
                    Format.percent(f.model().macroF1()), Format.percent(f.baselineFigures().macroF1())));
            if (cv.ordinal()) {
                row.add(Format.distance(f.model().mae()));
                row.add(Format.distance(f.baselineFigures().mae()));
            }
            rows.add(row);
        }
        rows.add(spreadRow("mean", cv, true));
        rows.add(spreadRow("std", cv, false));
        String heading = cv.target() + ": " + cv.folds().size() + "-fold cross-validation";
        return new ReportSection(heading, List.of(new Table("Folds (%, MAE in label steps)", header, rows)),
                List.of("std is the sample standard deviation over folds (n - 1)."));
    }

    private static List<String> spreadRow(String name, CrossValidation cv, boolean mean) {
        List<String> row = new ArrayList<>(List.of(name, "", "",
                Format.percent(pick(cv.model().accuracy(), mean)), Format.percent(pick(cv.baseline().accuracy(), mean)),
                Format.percent(pick(cv.model().macroF1(), mean)), Format.percent(pick(cv.baseline().macroF1(), mean))));
        if (cv.ordinal()) {
            row.add(Format.distance(pick(cv.model().mae().orElseThrow(), mean)));
            row.add(Format.distance(pick(cv.baseline().mae().orElseThrow(), mean)));
        }
        return row;
    }

    private static double pick(Spread s, boolean mean) {
        return mean ? s.mean() : s.standardDeviation();
    }
}
