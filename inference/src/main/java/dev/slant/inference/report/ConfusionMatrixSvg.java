package dev.slant.inference.report;

import dev.slant.inference.eval.ConfusionMatrix;
import dev.slant.inference.eval.TargetEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a model's confusion matrix as a standalone SVG heat map: rows gold, columns predicted (abstentions in a
 * grey column of their own), each cell showing its count, shaded by its share of the gold row so that small
 * classes show as clearly as large ones.
 */
public final class ConfusionMatrixSvg {
    private static final double MAX_CELL = 72;
    private static final double MIN_CELL = 12;
    private static final double GRID = 640;
    private static final double MARGIN = 20;

    private ConfusionMatrixSvg() {
    }

    /**
     * @param evaluation an evaluation
     * @return the SVG document of its model's confusion matrix
     */
    public static String render(TargetEvaluation evaluation) {
        ConfusionMatrix c = evaluation.model().confusion();
        List<String> labels = c.labels();
        boolean abstentions = c.abstentions() > 0;
        List<String> columns = new ArrayList<>(labels);
        if (abstentions) {
            columns.add("(abstained)");
        }
        int rows = labels.size();
        double cell = Math.max(MIN_CELL, Math.min(MAX_CELL, GRID / columns.size()));
        double fontSize = Math.min(14, cell / 3.2);
        double rowLabelSpace = labelSpace(labels, fontSize);
        double columnLabelSpace = labelSpace(columns, fontSize);
        double left = MARGIN + 24 + rowLabelSpace;
        double top = 80 + columnLabelSpace;
        double width = left + cell * columns.size() + MARGIN;
        double height = top + cell * rows + MARGIN;
        width = Math.max(width, 360);

        String title = evaluation.target() + ": confusion matrix, " + c.total() + " articles";
        Svg svg = new Svg(width, height, title);
        svg.text(MARGIN, 24, title, 16, "start", "#222222", 0);
        svg.text(MARGIN, 42, "rows gold, columns predicted; shade = share of the gold row", 11, "start", "#555555", 0);
        svg.text(left + cell * columns.size() / 2, top - columnLabelSpace - 14, "predicted", 12, "middle", "#333333",
                0);
        svg.text(left - rowLabelSpace - 14, top + cell * rows / 2, "gold", 12, "middle", "#333333", -90);

        for (int p = 0; p < columns.size(); p++) {
            double x = left + cell * p + cell / 2;
            svg.text(x, top - 6, columns.get(p), fontSize, "start", "#222222", -90);
        }
        for (int g = 0; g < rows; g++) {
            double y = top + cell * g;
            svg.text(left - 6, y + cell / 2 + fontSize / 3, labels.get(g), fontSize, "end", "#222222", 0);
            int support = c.support(g);
            for (int p = 0; p < columns.size(); p++) {
                boolean abstainedColumn = p == labels.size();
                int count = abstainedColumn ? c.abstained().get(g) : c.count(g, p);
                double share = support == 0 ? 0 : (double) count / support;
                String fill = abstainedColumn ? grey(share) : Svg.blue(share);
                double x = left + cell * p;
                svg.rect(x, y, cell, cell, fill, "#ffffff");
                if (cell >= 18) {
                    svg.text(x + cell / 2, y + cell / 2 + fontSize / 3, Integer.toString(count), fontSize,
                            "middle", share > 0.5 ? "#ffffff" : "#222222", 0);
                }
            }
        }
        return svg.finish();
    }

    /** Room for the longest of some labels, estimated from its length. */
    private static double labelSpace(List<String> labels, double fontSize) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(1);
        return Math.min(220, longest * fontSize * 0.62 + 10);
    }

    private static String grey(double share) {
        int v = (int) Math.round(240 - 140 * Math.max(0, Math.min(1, share)));
        return String.format(Locale.ROOT, "#%02x%02x%02x", v, v, v);
    }
}
