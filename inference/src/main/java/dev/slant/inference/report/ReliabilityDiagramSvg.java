package dev.slant.inference.report;

import dev.slant.inference.eval.Calibration;
import dev.slant.inference.eval.CalibrationBin;
import dev.slant.inference.eval.Format;
import dev.slant.inference.eval.TargetEvaluation;
import java.util.Optional;

/**
 * Draws a model's reliability diagram as a standalone SVG: for each of the {@value Calibration#BINS} confidence
 * bins, a bar as high as the bin's accuracy, a dot at its mean confidence, and its article count above; the
 * diagonal marks perfect calibration.
 */
public final class ReliabilityDiagramSvg {
    private static final double PLOT = 420;
    private static final double LEFT = 70;
    private static final double TOP = 96;
    private static final double RIGHT = 30;
    private static final double BOTTOM = 70;

    private ReliabilityDiagramSvg() {
    }

    /**
     * @param evaluation an evaluation
     * @return the SVG document of its model's reliability diagram, or of a notice where the model gave no
     *         probabilities
     */
    public static String render(TargetEvaluation evaluation) {
        Optional<Calibration> calibration = evaluation.model().calibration();
        String title = evaluation.target() + ": reliability diagram"
                + calibration.map(c -> ", ECE " + Format.percent(c.ece()) + "% over " + c.measured() + " articles")
                .orElse("");
        Svg svg = new Svg(LEFT + PLOT + RIGHT, TOP + PLOT + BOTTOM, title);
        svg.text(LEFT, 26, title, 15, "start", "#222222", 0);
        if (calibration.isEmpty()) {
            svg.text(LEFT, TOP + PLOT / 2, "not measured: the model gave no probabilities", 13, "start", "#555555",
                    0);
            return svg.finish();
        }
        Calibration c = calibration.get();
        svg.text(LEFT, 46, Calibration.BINS + " equal-width bins of confidence; bars: accuracy; dots: mean confidence",
                11, "start", "#555555", 0);
        svg.text(LEFT, 61, "n: articles per bin; dashed: perfect calibration" + (c.unmeasured() > 0 ? "; "
                + c.unmeasured() + " left out" : ""), 11, "start", "#555555", 0);
        svg.text(x(0) - 6, TOP - 8, "n", 10, "end", "#444444", 0);

        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            svg.line(x(0), y(v), x(1), y(v), "#e6e6e6", 1, false);
            svg.line(x(v), y(0), x(v), y(1), "#e6e6e6", 1, false);
            svg.text(x(0) - 6, y(v) + 4, Svg.num(v), 11, "end", "#444444", 0);
            svg.text(x(v), y(0) + 16, Svg.num(v), 11, "middle", "#444444", 0);
        }
        for (CalibrationBin b : c.bins()) {
            if (b.count() == 0) {
                continue;
            }
            double accuracy = b.accuracy().getAsDouble();
            double confidence = b.meanConfidence().getAsDouble();
            svg.rect(x(b.lower()) + 1, y(accuracy), PLOT / Calibration.BINS - 2, y(0) - y(accuracy), "#6baed6",
                    "#2171b5");
            svg.circle(x(confidence), y(accuracy), 3.5, "#d94801");
            svg.text(x((b.lower() + b.upper()) / 2), TOP - 8, Integer.toString(b.count()), 9, "middle", "#222222",
                    0);
        }
        svg.line(x(0), y(0), x(1), y(1), "#444444", 1.5, true);
        svg.rect(x(0), y(1), PLOT, PLOT, "none", "#444444");
        svg.text(x(0.5), y(0) + 40, "confidence of the predicted label", 12, "middle", "#333333", 0);
        svg.text(LEFT - 44, y(0.5), "accuracy", 12, "middle", "#333333", -90);
        return svg.finish();
    }

    private static double x(double v) {
        return LEFT + v * PLOT;
    }

    private static double y(double v) {
        return TOP + (1 - v) * PLOT;
    }
}
