package dev.slant.inference.report;

import dev.slant.inference.eval.PlainText;
import dev.slant.inference.eval.TargetResult;
import java.util.List;

/** Renders results as plain text for a terminal: one block per target, tables in aligned columns. */
public final class PlainTextReport {
    private PlainTextReport() {
    }

    /**
     * @param results the targets' results, in order
     * @return the report, lines ending in {@code \n}
     * @throws NullPointerException if the list or a result is null
     */
    public static String render(List<? extends TargetResult> results) {
        return PlainText.render(ReportSections.of(results));
    }
}
