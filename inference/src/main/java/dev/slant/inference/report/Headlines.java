package dev.slant.inference.report;

import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.Figures;
import dev.slant.inference.eval.Format;
import dev.slant.inference.eval.ReportSection;
import dev.slant.inference.eval.Table;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.eval.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The headline figures of one target, one row per evaluation, each figure beside its majority baseline's: what a
 * person reads on a terminal. The per-class figures, confusion matrices and calibration are in the full report
 * ({@link ReportWriter}). A cross-validation's row gives the mean over folds (macro-F1 with its standard deviation),
 * and MAE and ECE of the folds pooled.
 *
 * <p>Macro-F1 averages over every label, so an evaluated part that holds articles of fewer than
 * {@link #MIN_LABEL_COVERAGE} of the target's labels gets no macro-F1 here (the labels without articles would
 * count as F1 0 and make the figure meaningless); a note says why, and where the figure is measured instead.
 */
public final class Headlines {
    /** The least share of a target's labels that must have articles in an evaluated part for its macro-F1. */
    public static final double MIN_LABEL_COVERAGE = 0.5;

    private Headlines() {
    }

    /**
     * One evaluation of a target.
     *
     * @param evaluation what it measures, for example "outlets never seen: outlet-disjoint 5-fold CV"
     * @param result     its figures
     */
    public record Row(String evaluation, TargetResult result) {
        /**
         * Validates.
         *
         * @throws NullPointerException if an argument is null
         */
        public Row {
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * @param target the target's name
     * @param rows   its evaluations, the leakage-controlled one first
     * @return the section: one table and the notes that qualify it
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException if there is no row
     */
    public static ReportSection of(String target, List<Row> rows) {
        Objects.requireNonNull(target, "target");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(target + ": no evaluation");
        }
        boolean ordinal = rows.get(0).result().ordinal();
        List<String> header = new ArrayList<>(List.of("evaluation", "articles", "macro-F1", "(majority)", "accuracy",
                "(majority)"));
        if (ordinal) {
            header.addAll(List.of("MAE", "(majority)"));
        }
        header.add("ECE");
        List<List<String>> table = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            table.add(r.result() instanceof CrossValidation cv ? crossValidation(r.evaluation(), cv, ordinal)
                    : single(r.evaluation(), (TargetEvaluation) r.result(), ordinal, notes));
        }
        String heading = target + " (" + rows.get(0).result().labels().size() + " labels" + (ordinal ? ", ordinal" : "")
                + ")";
        return new ReportSection(heading, List.of(new Table("Figures (%, MAE in label steps)", header, table)), notes);
    }

    private static List<String> crossValidation(String evaluation, CrossValidation cv, boolean ordinal) {
        Figures pooled = cv.pooled().model();
        Figures pooledBaseline = cv.pooled().baselineFigures();
        List<String> row = new ArrayList<>(List.of(evaluation, Integer.toString(pooled.articles()),
                Format.percent(cv.model().macroF1().mean()) + " ± " + Format.percent(cv.model().macroF1().standardDeviation()),
                Format.percent(cv.baseline().macroF1().mean()),
                Format.percent(cv.model().accuracy().mean()), Format.percent(cv.baseline().accuracy().mean())));
        if (ordinal) {
            row.add(Format.distance(pooled.mae()));
            row.add(Format.distance(pooledBaseline.mae()));
        }
        row.add(Format.percent(pooled.ece()));
        return row;
    }

    private static List<String> single(String evaluation, TargetEvaluation e, boolean ordinal, List<String> notes) {
        Figures m = e.model();
        Figures b = e.baselineFigures();
        long present = m.perClass().stream().filter(c -> c.support() > 0).count();
        int labels = m.perClass().size();
        boolean covered = present >= MIN_LABEL_COVERAGE * labels;
        if (!covered) {
            notes.add(evaluation + ": only " + present + " of the " + labels + " labels have articles here, so macro-F1"
                    + " (which counts every absent label as F1 0) is not shown; the full report has the per-class"
                    + " figures, and the other evaluations measure macro-F1.");
        }
        List<String> row = new ArrayList<>(List.of(evaluation, Integer.toString(m.articles()),
                covered ? Format.percent(m.macroF1()) : Format.NOT_MEASURED,
                covered ? Format.percent(b.macroF1()) : Format.NOT_MEASURED,
                Format.percent(m.accuracy()), Format.percent(b.accuracy())));
        if (ordinal) {
            row.add(Format.distance(m.mae()));
            row.add(Format.distance(b.mae()));
        }
        row.add(Format.percent(m.ece()));
        if (m.abstained() > 0) {
            notes.add(evaluation + ": " + m.abstained() + " of " + m.articles() + " articles abstained (counted as wrong).");
        }
        return row;
    }
}
