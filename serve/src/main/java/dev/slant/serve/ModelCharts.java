package dev.slant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.eval.Calibration;
import dev.slant.inference.eval.CalibrationBin;
import dev.slant.inference.eval.ConfusionMatrix;
import dev.slant.inference.report.ConfusionMatrixSvg;
import dev.slant.inference.report.ReliabilityDiagramSvg;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Model view's charts ({@code GET /v1/model/chart?evaluation=E&kind=confusion|reliability}), drawn by the
 * library's own report writers from the evaluations a bundle's metrics carry (the {@code slant-evaluation/1}
 * layout of {@link dev.slant.inference.report.JsonReport}). An evaluation is named as the page names it:
 * {@code cv} for the outlet-disjoint cross-validation (its pooled folds), {@code TARGET-test} and
 * {@code TARGET-valid} for the published split's parts.
 */
final class ModelCharts {
    private final ObjectNode metrics;

    ModelCharts(ObjectNode metrics) {
        this.metrics = metrics;
    }

    /**
     * @param evaluation the evaluation's name
     * @param kind       {@code confusion} or {@code reliability}
     * @return the SVG document
     * @throws ApiException 404 for an evaluation the bundle lacks, 400 for another kind
     */
    String render(String evaluation, String kind) throws ApiException {
        JsonNode report;
        String target;
        if (evaluation.equals("cv")) {
            JsonNode cv = metrics.path("outletCv");
            target = cv.path("target").asText();
            report = cv.path("report").path("targets").path(0).path("pooled");
        } else {
            int dash = evaluation.lastIndexOf('-');
            target = dash < 0 ? "" : evaluation.substring(0, dash);
            String part = dash < 0 ? "" : evaluation.substring(dash + 1);
            report = part.equals("test") || part.equals("valid")
                    ? metrics.path("targets").path(target).path(part).path("targets").path(0) : metrics.missingNode();
        }
        JsonNode figures = report.path("model");
        if (!figures.isObject()) {
            throw new ApiException(404, "the bundle records no evaluation '" + evaluation + "'");
        }
        try {
            return switch (kind) {
                case "confusion" -> ConfusionMatrixSvg.render(target, confusion(figures.path("confusion")));
                case "reliability" -> ReliabilityDiagramSvg.render(target, calibration(figures.path("calibration")));
                default -> throw new ApiException(400, "query parameter 'kind' must be confusion or reliability, got '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "the bundle's evaluation '" + evaluation + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static ConfusionMatrix confusion(JsonNode c) {
        List<String> labels = new ArrayList<>();
        c.path("labels").forEach(l -> labels.add(l.asText()));
        List<List<Integer>> counts = new ArrayList<>();
        for (JsonNode row : c.path("counts")) {
            List<Integer> r = new ArrayList<>();
            row.forEach(n -> r.add(n.asInt()));
            counts.add(r);
        }
        List<Integer> abstained = new ArrayList<>();
        c.path("abstained").forEach(n -> abstained.add(n.asInt()));
        return new ConfusionMatrix(labels, counts, abstained);
    }

    private static Optional<Calibration> calibration(JsonNode c) {
        if (c == null || !c.isObject()) {
            return Optional.empty();
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (JsonNode b : c.path("binned")) {
            int count = b.path("count").asInt();
            // The report keeps the mean; the bin wants the sum back (within the bin's own rounding).
            double sum = count == 0 ? 0 : Math.min(count, b.path("meanConfidence").asDouble() * count);
            bins.add(new CalibrationBin(b.path("index").asInt(), count, b.path("correct").asInt(), sum));
        }
        return Optional.of(new Calibration(bins, c.path("measured").asInt(), c.path("unmeasured").asInt(),
                c.path("ece").asDouble()));
    }
}
