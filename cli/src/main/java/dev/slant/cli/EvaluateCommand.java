package dev.slant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slant.cli.CorpusOptions;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.DistinctFiles;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.eval.EvaluationLabels;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.score.LinearScorer;
import dev.slant.training.BundleAssembler;
import dev.slant.training.FoldDraw;
import dev.slant.training.OutcomeScorer;
import dev.slant.training.eval.PlainTextReport;
import dev.slant.training.eval.ReportWriter;
import dev.slant.training.eval.TargetEvaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code slant evaluate}: scores one part of a split with a bundle and prints honest figures. */
@Command(name = "evaluate",
        description = {"Evaluate a model bundle on one part of a split, beside the majority baseline.",
                "Prints accuracy, macro-F1, per-class figures, the confusion matrix, MAE for ordinal targets and "
                        + "calibration, each beside the majority baseline of the split's train part. The bundle's "
                        + "outlet-disjoint cross-validation, measured when it was trained, heads the report."})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model bundle (.slant).")
    Path model;

    @Mixin
    CorpusOptions source = new CorpusOptions();

    @Option(names = "--split", paramLabel = "NAME", description = "The split (default: the one the bundle was trained on).")
    String split;

    @Option(names = "--part", paramLabel = "PART", defaultValue = "test",
            description = "train, valid or test (default: ${DEFAULT-VALUE}).")
    String part;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SplitChoice.DEFAULT_SEED,
            description = "Seed of a split made here (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write report.md, report.json and SVG pictures here.")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LoadedBundle bundle;
        try {
            bundle = BundleReader.read(model);
        } catch (BundleException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        DistinctFiles files = source.distinctFiles().reads("--model", model);
        if (report != null) {
            files.writes("--report", report.resolve(ReportWriter.MARKDOWN)).writes("--report", report.resolve(ReportWriter.JSON));
            for (String t : bundle.manifest().targetNames()) {
                files.writes("--report", report.resolve(ReportWriter.confusionFile(t)))
                        .writes("--report", report.resolve(ReportWriter.reliabilityFile(t)));
            }
        }
        files.verify();
        JsonNode metrics = bundle.manifest().metrics();
        String splitName = split != null ? split : metrics.path("split").asText(SplitChoice.DEFAULT_PUBLISHED);
        if (SplitChoice.OUTLET_CV.equals(splitName)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "outlet-cv retrains per fold: run 'slant train --split outlet-cv'; "
                    + "evaluate takes one split and prints the bundle's stored outlet cross-validation");
        }
        Corpus corpus = source.corpus();
        LoadedCorpus loaded = source.load(corpus);
        // The split exactly as training made it: copies kept together, stratified by the bundle's main target.
        var groups = dev.slant.datasets.dedup.Deduplicator.onNormalizedText().find(loaded.articles());
        Split s = SplitChoice.make(splitName, loaded.articles(), corpus.publishedSplits(), groups::groupKey,
                bundle.manifest().targetNames().get(0), seed, SplitChoice.DEFAULT_FOLDS).get(0);
        // The baseline's training labels are those the model learned from: training leaves these copies out.
        java.util.Set<String> leftOut = dev.slant.datasets.dedup.DropPolicy
                .dropConflictingOn(bundle.manifest().targetNames().get(0)).apply(groups).all();
        Part p = Part.parse(part);

        JsonNode cv = metrics.path("outletCv");
        if (!cv.isMissingNode()) {
            boolean outlets = cv.path("namedOutlets").asInt(1) > 0;
            out.printf("### %s %s (%s %d-fold CV, measured at training): "
                            + "macro-F1 %.3f ± %.3f, majority baseline %.3f%n%n", cv.path("target").asText(),
                    outlets ? "on outlets never seen in training" : "on held-out articles, outlets not controlled",
                    cv.path("kind").asText("outlet-disjoint"), cv.path("folds").asInt(),
                    cv.path("macroF1Mean").asDouble(), cv.path("macroF1Std").asDouble(), cv.path("baselineMacroF1Mean").asDouble());
            List<FoldDraw> draws = BundleAssembler.foldDraws(cv);
            if (draws.size() > 1) {
                out.printf("%s%n%n", FoldDraw.summary(draws));
            }
        } else {
            out.println("### this bundle carries no outlet-disjoint cross-validation: its figures below may reward outlet fingerprints");
            out.println();
        }
        List<TargetEvaluation> results = new ArrayList<>();
        for (Map.Entry<String, LinearScorer> e : bundle.scorers().entrySet()) {
            Target target = corpus.targets().stream().filter(t -> t.name().equals(e.getKey())).findFirst().orElse(null);
            if (target == null) {
                spec.commandLine().getErr().printf("slant: corpus %s has no '%s' labels; that target is not evaluated%n", corpus.name(), e.getKey());
                continue;
            }
            results.add(evaluate(bundle, e.getValue(), target, loaded.articles(), s, p, leftOut));
        }
        for (TargetEvaluation r : results) {
            out.printf("### %s, split %s, %s part%n", r.target(), splitName, p.label());
            out.print(PlainTextReport.render(List.of(r)));
            out.println();
        }
        if (report != null) {
            ReportWriter.write(report, results);
            spec.commandLine().getErr().printf("slant: wrote the report to %s%n", report);
        }
        return ExitCodes.OK;
    }

    private static TargetEvaluation evaluate(LoadedBundle bundle, LinearScorer scorer, Target target,
                                             List<LabelledArticle> articles, Split split, Part part,
                                             java.util.Set<String> leftOutOfTraining) {
        List<String> trainLabels = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        double[] buf = new double[scorer.labels().size()];
        for (LabelledArticle a : articles) {
            Part in = split.partOf(a.id()).orElse(null);
            var gold = a.labels().get(target.name());
            if (in == null || gold.isEmpty()) {
                continue;
            }
            if (in == Part.TRAIN && !leftOutOfTraining.contains(a.id())) {
                trainLabels.add(gold.get());
            }
            if (in == part) {
                FeatureVector v = bundle.featurizer().featurize(a.article());
                outcomes.add(OutcomeScorer.outcome(scorer, v, a.id(), gold.get(), buf));
            }
        }
        // The same labels as training's evaluation: declared, else those of the training part, the model and the
        // evaluated articles.
        java.util.Set<String> known = new java.util.HashSet<>(trainLabels);
        known.addAll(scorer.labels());
        List<String> labels = EvaluationLabels.of(target.labels(), known,
                outcomes.stream().map(Outcome::gold).toList());
        return TargetEvaluation.of(target.name(), labels, EvaluationLabels.ordinal(target.labels(), target.ordinal(), labels),
                MajorityBaseline.fromTrainingLabels(labels, trainLabels), outcomes);
    }
}
