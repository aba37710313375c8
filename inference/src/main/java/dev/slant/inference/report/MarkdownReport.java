package dev.slant.inference.report;

import dev.slant.inference.eval.ReportSection;
import dev.slant.inference.eval.Table;
import dev.slant.inference.eval.TargetResult;
import java.util.List;

/** Renders results as Markdown: the same content as {@link PlainTextReport}, with Markdown tables. */
public final class MarkdownReport {
    /** The report's title line. */
    public static final String TITLE = "# Evaluation";

    private MarkdownReport() {
    }

    /**
     * @param results the targets' results, in order
     * @return the report, lines ending in {@code \n}
     */
    public static String render(List<? extends TargetResult> results) {
        StringBuilder out = new StringBuilder(TITLE).append('\n');
        for (ReportSection section : ReportSections.of(results)) {
            out.append("\n## ").append(escape(section.heading())).append('\n');
            for (Table t : section.tables()) {
                out.append("\n**").append(escape(t.title())).append("**\n\n");
                row(out, t.header());
                out.append("| :--");
                for (int c = 1; c < t.header().size(); c++) {
                    out.append(" | --:");
                }
                out.append(" |\n");
                for (List<String> r : t.rows()) {
                    row(out, r);
                }
            }
            if (!section.notes().isEmpty()) {
                out.append('\n');
                for (String note : section.notes()) {
                    out.append("- ").append(escape(note)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    /** Escapes the characters that would break a table or start emphasis. */
    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if ("\\|*_`<>[]".indexOf(ch) >= 0) {
                s.append('\\');
            }
            s.append(ch);
        }
        return s.toString();
    }
}
