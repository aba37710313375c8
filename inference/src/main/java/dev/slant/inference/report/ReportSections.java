package dev.slant.inference.report;

import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.EvaluationSection;
import dev.slant.inference.eval.Format;
import dev.slant.inference.eval.ReportSection;
import dev.slant.inference.eval.Spread;
import dev.slant.inference.eval.Table;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.eval.TargetResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a report, shared by its plain-text and Markdown renderings: each evaluation's section as
 * {@link EvaluationSection} lays it out, and a cross-validation's folds before its pooled evaluation.
 */
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
        return EvaluationSection.of(title, e.ordinal(), e.baseline(), e.model(), e.baselineFigures());
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
