package dev.slant.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.split.PublicationDates;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.drift.DriftReference;
import dev.slant.inference.eval.TrainingMajority;
import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.Figures;
import dev.slant.inference.eval.FoldDraw;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.eval.TargetResult;
import dev.slant.inference.report.JsonReport;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Turns a {@link TrainingOutcome} into what a bundle holds: the models, the metrics and the model card. */
public final class BundleAssembler {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The key of the invariance report in the manifest's metrics. */
    public static final String INVARIANCE_KEY = "invariance";
    /** The manifest's names for the fold draws in {@code metrics.outletCv}, written and read only here. */

    private BundleAssembler() {
    }

    /**
     * @param outcome a finished training job
     * @return the bundle's contents
     */
    public static BundleContents contents(TrainingOutcome outcome) {
        RunResult r = outcome.result();
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        r.targets().forEach((name, fit) -> models.put(name, fit.model()));
        long rejected = outcome.corpus().report().rejectedTotal() + outcome.drops().count();
        java.util.Set<String> unitLength = new java.util.HashSet<>();
        r.targets().forEach((name, fit) -> {
            if (fit.scorer().knownUnitLength()) {
                unitLength.add(name);
            }
        });
        return new BundleContents(r.featurizer(), models, outcome.request().seed(), outcome.corpus().sha256(),
                r.trainSize(), rejected, metrics(outcome), ModelCard.render(outcome), BundleContents.DEFAULT_PRECISION,
                unitLength);
    }

    /** The metrics object of the manifest: per target the valid and test reports, and the outlet CV. */
    static ObjectNode metrics(TrainingOutcome outcome) {
        ObjectNode m = JSON.createObjectNode();
        m.put("corpus", outcome.corpus().corpus().name());
        m.put("split", outcome.result().split());
        ObjectNode targets = m.putObject("targets");
        for (TargetFit fit : outcome.result().targets().values()) {
            ObjectNode t = targets.putObject(fit.target().name());
            t.put("trainer", fit.trainer().describe());
            t.put("trainRows", fit.trainRows());
            if (!fit.majority().trainingShare().isEmpty()) {
                ObjectNode shares = t.putObject(TrainingMajority.SHARES_KEY);
                fit.majority().trainingShare().forEach(shares::put);
            }
            if (fit.valid() != null) {
                t.set("valid", report(fit.valid()));
            }
            if (fit.test() != null) {
                t.set("test", report(fit.test()));
            }
        }
        SplitChoice.TimeCut cut = SplitChoice.TimeCut.parse(outcome.result().split());
        if (cut != null) {
            var undated = m.putObject("timeSplit").put("before", String.valueOf(cut.before())).putArray("undated");
            PublicationDates.asOfToday().census(outcome.corpus().articles()).lines().forEach(undated::add);
        }
        if (outcome.trust() != null) {
            m.set(DriftReference.METRICS_KEY, outcome.trust().drift().toJson());
            if (outcome.trust().invariance() != null) {
                m.set(INVARIANCE_KEY, outcome.trust().invariance().toJson().put("part", outcome.trust().perturbed()));
            }
        }
        CrossValidation cv = outcome.outletCv();
        if (cv != null) {
            ObjectNode c = m.putObject("outletCv");
            c.put("target", cv.target());
            c.put("folds", cv.folds().size());
            c.put("kind", outcome.cvKind());
            c.put("namedOutlets", outcome.namedOutlets());
            c.put("macroF1Mean", cv.model().macroF1().mean());
            c.put("macroF1Std", cv.model().macroF1().standardDeviation());
            c.put("accuracyMean", cv.model().accuracy().mean());
            c.put("baselineMacroF1Mean", cv.baseline().macroF1().mean());
            if (outcome.foldDraws().size() > 1) {
                FoldDraw.write(outcome.foldDraws(), c);
            }
            c.set("report", report(cv));
        }
        return m;
    }

    private static ObjectNode report(dev.slant.inference.eval.TargetResult result) {
        try {
            return (ObjectNode) JSON.readTree(JsonReport.render(List.of(result)));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("the evaluation report is not valid JSON", e);
        }
    }

    /**
     * One line of headline figures.
     *
     * @param e an evaluation
     * @return "macro-F1 0.612 (majority 0.210), accuracy 0.620 (0.461)"
     */
    public static String headline(TargetEvaluation e) {
        Figures m = e.model();
        Figures b = e.baselineFigures();
        return String.format("macro-F1 %.3f (majority %.3f), accuracy %.3f (%.3f)%s", m.macroF1(), b.macroF1(),
                m.accuracy(), b.accuracy(), m.mae().isPresent() ? String.format(", MAE %.3f (%.3f)",
                        m.mae().getAsDouble(), b.mae().orElse(Double.NaN)) : "");
    }
}
