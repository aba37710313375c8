package dev.slant.cli;

import dev.slant.datasets.split.PublicationDates;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.FoldDraw;
import dev.slant.inference.eval.PlainText;
import dev.slant.inference.eval.TargetResult;
import dev.slant.inference.eval.TimeSplitReport;
import dev.slant.inference.report.Headlines;
import dev.slant.inference.report.PlainTextReport;
import dev.slant.inference.report.ReportWriter;
import dev.slant.training.GridRow;
import dev.slant.training.TargetFit;
import dev.slant.training.TrainingOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code slant train} tells a person: per target, one table of headline figures beside the majority baseline,
 * the outlet-disjoint figure first; the full report (per-class figures, confusion matrices, calibration) goes to
 * report folders, and to the terminal only with {@code --verbose}.
 */
final class TrainingSummary {
    /** The report folder of the outlet cross-validation, under the report folder. */
    static final String OUTLET_CV = "outlet-cv";
    /** The report folder of the valid part's evaluations, under the report folder. */
    static final String VALID = "valid";
    /** The report folder of the test part's evaluations, under the report folder. */
    static final String TEST = "test";

    private TrainingSummary() {
    }

    /**
     * Writes the full report: one folder per evaluation ({@value #OUTLET_CV}, {@value #VALID}, {@value #TEST}), each
     * as {@link ReportWriter} writes it.
     *
     * @param folder the report folder
     * @param o      the training's outcome
     * @return the folders written
     * @throws IOException if a file cannot be written
     */
    static List<Path> writeReports(Path folder, TrainingOutcome o) throws IOException {
        Map<String, List<TargetResult>> parts = new LinkedHashMap<>();
        if (o.outletCv() != null) {
            parts.put(OUTLET_CV, List.of(o.outletCv()));
        }
        for (TargetFit f : o.result().targets().values()) {
            if (f.valid() != null) {
                parts.computeIfAbsent(VALID, k -> new ArrayList<>()).add(f.valid());
            }
            if (f.test() != null) {
                parts.computeIfAbsent(TEST, k -> new ArrayList<>()).add(f.test());
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<TargetResult>> part : parts.entrySet()) {
            Path dir = folder.resolve(part.getKey());
            ReportWriter.write(dir, part.getValue());
            written.add(dir);
        }
        return written;
    }

    /**
     * Prints the summary.
     *
     * @param out     where it goes
     * @param o       the training's outcome
     * @param verbose whether to print the full report too
     */
    static void print(PrintWriter out, TrainingOutcome o, boolean verbose) {
        out.printf("corpus %s: %,d articles read, %,d rejected; %,d duplicate groups (%,d later copies and %,d "
                        + "conflicting kept out of training)%n",
                o.corpus().corpus().name(), o.corpus().report().accepted(), o.corpus().report().rejectedTotal(),
                o.duplicates().groups().size(), o.drops().laterCopies().size(), o.drops().conflicting().size());
        if (o.result().grid().size() > o.result().targets().size()) {
            out.println();
            out.println("settings tried on the valid part (* = kept):");
            for (GridRow r : o.result().grid()) {
                out.printf("  %s %-8s %-40s %-24s valid macro-F1 %.3f, accuracy %.3f (%.1f s)%n", r.chosen() ? "*" : " ",
                        r.target(), r.featurizer(), r.trainer(), r.validMacroF1(), r.validAccuracy(), r.seconds());
            }
        }
        for (TargetFit f : o.result().targets().values()) {
            if (f.featureless() > 0) {
                out.printf("%s: %,d training articles left out, none of their n-grams kept by the featurizer%n",
                        f.target().name(), f.featureless());
            }
        }
        SplitChoice.TimeCut cut = SplitChoice.TimeCut.parse(o.result().split());
        List<TargetFit> fits = List.copyOf(o.result().targets().values());
        if (cut != null && fits.stream().allMatch(f -> f.valid() != null && f.test() != null)) {
            out.println();
            out.print(PlainText.render(List.of(TimeSplitReport.section(o.result().split(),
                    fits.stream().map(TargetFit::valid).toList(), fits.stream().map(TargetFit::test).toList(),
                    PublicationDates.asOfToday().census(o.corpus().articles()).lines()))));
        }
        if (o.trust() != null && o.trust().invariance() != null) {
            out.println();
            out.print(PlainText.render(o.trust().invariance().sections(o.result().split() + " " + o.trust().perturbed()
                    + " part")));
        }
        for (TargetFit f : o.result().targets().values()) {
            String target = f.target().name();
            List<Headlines.Row> rows = new ArrayList<>();
            CrossValidation cv = o.outletCv();
            if (cv != null && cv.target().equals(target)) {
                rows.add(new Headlines.Row(o.namedOutlets() > 0
                        ? "outlets never seen (outlet-disjoint " + cv.folds().size() + "-fold CV)"
                        : o.cvKind() + " " + cv.folds().size() + "-fold CV", cv));
            }
            if (f.valid() != null) {
                rows.add(new Headlines.Row(o.result().split() + " split, valid part" + (cut != null ? " (in-period)" : ""),
                        f.valid()));
            }
            if (f.test() != null) {
                rows.add(new Headlines.Row(o.result().split() + " split, test part" + (cut != null ? " (later)" : ""),
                        f.test()));
            }
            if (rows.isEmpty()) {
                continue;
            }
            out.println();
            out.print(PlainText.render(List.of(Headlines.of(target, rows))));
            out.println("  trainer: " + f.trainer().describe());
            if (cv != null && cv.target().equals(target) && o.foldDraws().size() > 1) {
                out.println("  " + FoldDraw.summary(o.foldDraws()));
            }
        }
        if (verbose) {
            List<TargetResult> all = new ArrayList<>();
            if (o.outletCv() != null) {
                all.add(o.outletCv());
            }
            for (TargetFit f : o.result().targets().values()) {
                if (f.test() != null) {
                    all.add(f.test());
                }
            }
            for (TargetResult r : all) {
                out.println();
                out.print(PlainTextReport.render(List.of(r)));
            }
        }
    }
}
