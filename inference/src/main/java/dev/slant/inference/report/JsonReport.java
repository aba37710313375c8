package dev.slant.inference.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.eval.Calibration;
import dev.slant.inference.eval.CalibrationBin;
import dev.slant.inference.eval.ClassFigures;
import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.Figures;
import dev.slant.inference.eval.Spread;
import dev.slant.inference.eval.SpreadOverFolds;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.eval.TargetResult;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Renders results as JSON with a fixed field order. Ratios are fractions in [0, 1] (not percentages); a figure that
 * was not measured is {@code null}. Layout:
 * <pre>
 * {"format": "slant-evaluation/1", "targets": [
 *   {"target", "kind": "evaluation", "labels", "ordinal", "baseline", "model": figures, "baselineFigures": figures}
 *   {"target", "kind": "cross-validation", "labels", "ordinal", "folds": [evaluation...],
 *    "model": spread, "baseline": spread, "pooled": evaluation}]}
 * figures: articles, abstained, correct, accuracy, macroF1, weightedF1, mae, ece,
 *          perClass [{label, precision, recall, f1, support, predicted}],
 *          confusion {labels, counts, abstained},
 *          calibration {bins, measured, unmeasured, ece, binned [{index, lower, upper, count, correct,
 *          meanConfidence, accuracy}]} or null
 * spread: {accuracy {mean, standardDeviation}, macroF1 {...}, mae {...} or null}
 * </pre>
 */
public final class JsonReport {
    /** The value of the top-level "format" field; changes when the layout does. */
    public static final String FORMAT = "slant-evaluation/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * @param results the targets' results, in order
     * @return the JSON document, ending in a newline
     */
    public static String render(List<? extends TargetResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode targets = root.putArray("targets");
        for (TargetResult r : results) {
            targets.add(r instanceof CrossValidation cv ? crossValidation(cv) : evaluation((TargetEvaluation) r));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the evaluation as JSON", e);
        }
    }

    private static ObjectNode header(TargetResult r, String kind) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("target", r.target());
        n.put("kind", kind);
        ArrayNode labels = n.putArray("labels");
        r.labels().forEach(labels::add);
        n.put("ordinal", r.ordinal());
        return n;
    }

    private static ObjectNode evaluation(TargetEvaluation e) {
        ObjectNode n = header(e, "evaluation");
        n.put("baseline", e.baseline());
        n.set("model", figures(e.model()));
        n.set("baselineFigures", figures(e.baselineFigures()));
        return n;
    }

    private static ObjectNode crossValidation(CrossValidation cv) {
        ObjectNode n = header(cv, "cross-validation");
        ArrayNode folds = n.putArray("folds");
        cv.folds().forEach(f -> folds.add(evaluation(f)));
        n.set("model", spread(cv.model()));
        n.set("baseline", spread(cv.baseline()));
        n.set("pooled", evaluation(cv.pooled()));
        return n;
    }

    private static ObjectNode figures(Figures f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("articles", f.articles());
        n.put("abstained", f.abstained());
        n.put("correct", f.correct());
        n.put("accuracy", f.accuracy());
        n.put("macroF1", f.macroF1());
        n.put("weightedF1", f.weightedF1());
        putOptional(n, "mae", f.mae());
        putOptional(n, "ece", f.ece());
        ArrayNode perClass = n.putArray("perClass");
        for (ClassFigures c : f.perClass()) {
            ObjectNode cn = perClass.addObject();
            cn.put("label", c.label());
            cn.put("precision", c.precision());
            cn.put("recall", c.recall());
            cn.put("f1", c.f1());
            cn.put("support", c.support());
            cn.put("predicted", c.predicted());
        }
        ObjectNode confusion = n.putObject("confusion");
        ArrayNode labels = confusion.putArray("labels");
        f.confusion().labels().forEach(labels::add);
        ArrayNode counts = confusion.putArray("counts");
        for (List<Integer> row : f.confusion().counts()) {
            ArrayNode r = counts.addArray();
            row.forEach(r::add);
        }
        ArrayNode abstained = confusion.putArray("abstained");
        f.confusion().abstained().forEach(abstained::add);
        n.set("calibration", calibration(f.calibration()));
        return n;
    }

    private static ObjectNode calibration(Optional<Calibration> calibration) {
        if (calibration.isEmpty()) {
            return null;
        }
        Calibration c = calibration.get();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("bins", Calibration.BINS);
        n.put("measured", c.measured());
        n.put("unmeasured", c.unmeasured());
        n.put("ece", c.ece());
        ArrayNode binned = n.putArray("binned");
        for (CalibrationBin b : c.bins()) {
            ObjectNode bn = binned.addObject();
            bn.put("index", b.index());
            bn.put("lower", b.lower());
            bn.put("upper", b.upper());
            bn.put("count", b.count());
            bn.put("correct", b.correct());
            putOptional(bn, "meanConfidence", b.meanConfidence());
            putOptional(bn, "accuracy", b.accuracy());
        }
        return n;
    }

    private static ObjectNode spread(SpreadOverFolds s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("accuracy", spread(s.accuracy()));
        n.set("macroF1", spread(s.macroF1()));
        n.set("mae", s.mae().map(JsonReport::spread).orElse(null));
        return n;
    }

    private static ObjectNode spread(Spread s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("mean", s.mean());
        n.put("standardDeviation", s.standardDeviation());
        return n;
    }

    private static void putOptional(ObjectNode n, String field, OptionalDouble value) {
        if (value.isPresent()) {
            n.put(field, value.getAsDouble());
        } else {
            n.putNull(field);
        }
    }
}
