package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Renders report sections as plain text for a terminal: each section as {@code == heading ==}, its tables in
 * aligned columns under their titles, then its notes as {@code * } lines; sections apart by a blank line.
 */
public final class PlainText {
    private static final String GAP = "  ";

    private PlainText() {
    }

    /**
     * @param sections the sections, in order
     * @return the text, lines ending in {@code \n}
     * @throws NullPointerException if the list or a section is null
     */
    public static String render(List<ReportSection> sections) {
        StringBuilder out = new StringBuilder();
        for (ReportSection section : sections) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("== ").append(section.heading()).append(" ==\n");
            for (Table t : section.tables()) {
                out.append('\n').append(t.title()).append('\n');
                appendTable(out, t);
            }
            if (!section.notes().isEmpty()) {
                out.append('\n');
                for (String note : section.notes()) {
                    out.append("* ").append(note).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static void appendTable(StringBuilder out, Table t) {
        List<Integer> widths = new ArrayList<>(Collections.nCopies(t.header().size(), 0));
        List<List<String>> all = new ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                widths.set(c, Math.max(widths.get(c), row.get(c).length()));
            }
        }
        for (List<String> row : all) {
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
}
