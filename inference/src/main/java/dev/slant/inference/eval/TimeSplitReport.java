package dev.slant.inference.eval;

import dev.slant.datasets.split.SplitChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A split by time reported as its question asks: the later articles (the test part) beside an in-period sample of
 * the same size from the training years (the valid part), each beside its majority baseline, and the difference.
 * Articles without a usable date are listed by reason: they are in neither part.
 */
public final class TimeSplitReport {
    private TimeSplitReport() {
    }

    /**
     * @param split     the split's name ({@code time:2019-06-20} or {@code outlet-time:...})
     * @param inPeriod  per target, the evaluation of the in-period part (the valid part), in target order
     * @param later     per target, the evaluation of the later part (the test part), same order
     * @param undated   lines saying which articles have no usable date ("4,407 no date")
     * @return the section
     * @throws IllegalArgumentException if the lists differ in length or target
     */
    public static ReportSection section(String split, List<TargetEvaluation> inPeriod, List<TargetEvaluation> later,
                                        List<String> undated) {
        if (inPeriod.size() != later.size()) {
            throw new IllegalArgumentException(inPeriod.size() + " in-period and " + later.size() + " later evaluations");
        }
        SplitChoice.TimeCut cut = SplitChoice.TimeCut.parse(split);
        String before = cut == null || cut.before() == null ? "the cut" : cut.before().toString();
        boolean outlets = cut != null && SplitChoice.OUTLET_TIME.equals(cut.kind());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < later.size(); i++) {
            TargetEvaluation a = inPeriod.get(i);
            TargetEvaluation b = later.get(i);
            if (!a.target().equals(b.target())) {
                throw new IllegalArgumentException("targets differ: " + a.target() + " and " + b.target());
            }
            rows.add(row(a.target() + ", in-period (held out, before " + before + ")", a));
            rows.add(row(b.target() + ", later (" + before + " on)", b));
            rows.add(List.of(b.target() + ", later minus in-period", "",
                    signed(b.model().macroF1() - a.model().macroF1()), "",
                    signed(b.model().accuracy() - a.model().accuracy()), ""));
        }
        Table t = new Table("trained before " + before + (outlets ? ", on outlets never seen in training" : ""),
                List.of("part", "articles", "macro-F1", "majority macro-F1", "accuracy", "majority accuracy"), rows);
        List<String> notes = new ArrayList<>();
        notes.add("The in-period part is a seeded random sample of the training years' articles, as many as the later"
                + " part, kept out of training" + (outlets ? ", from the same held-out outlets as the later part" : "")
                + "; each part's majority baseline is the training part's majority label.");
        if (!undated.isEmpty()) {
            notes.add("Articles in neither part (no usable date, never guessed): " + String.join("; ", undated) + ".");
        }
        return new ReportSection("split " + split + ": later articles beside in-period ones", List.of(t), notes);
    }

    private static List<String> row(String name, TargetEvaluation e) {
        return List.of(name, String.format(Locale.ROOT, "%,d", e.model().articles()), three(e.model().macroF1()),
                three(e.baselineFigures().macroF1()), three(e.model().accuracy()), three(e.baselineFigures().accuracy()));
    }

    private static String three(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.3f", v);
    }
}
