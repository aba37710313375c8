package dev.slant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.DistinctFiles;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.eval.FoldDraw;
import dev.slant.inference.eval.SplitEvaluation;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.report.PlainTextReport;
import dev.slant.inference.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
        LoadedBundle bundle = BundleReader.read(model);
        DistinctFiles files = source.distinctFiles().reads("--model", model);
        if (report != null) {
            files.writes("--report", report.resolve(ReportWriter.MARKDOWN)).writes("--report", report.resolve(ReportWriter.JSON));
            for (String t : bundle.manifest().targetNames()) {
                files.writes("--report", report.resolve(ReportWriter.confusionFile(t)))
                        .writes("--report", report.resolve(ReportWriter.reliabilityFile(t)));
            }
        }
        files.verify();
        String splitName = split != null ? split : SplitEvaluation.trainedSplit(bundle);
        if (SplitChoice.OUTLET_CV.equals(splitName)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "outlet-cv retrains per fold: run 'slant train --split outlet-cv'; "
                    + "evaluate takes one split and prints the bundle's stored outlet cross-validation");
        }
        Corpus corpus = source.corpus();
        LoadedCorpus loaded = source.load(corpus);
        SplitEvaluation evaluation = SplitEvaluation.of(bundle, corpus, loaded.articles(), splitName, Part.parse(part), seed);

        JsonNode cv = bundle.manifest().metrics().path("outletCv");
        if (!cv.isMissingNode()) {
            boolean outlets = cv.path("namedOutlets").asInt(1) > 0;
            out.printf("### %s %s (%s %d-fold CV, measured at training): "
                            + "macro-F1 %.3f ± %.3f, majority baseline %.3f%n%n", cv.path("target").asText(),
                    outlets ? "on outlets never seen in training" : "on held-out articles, outlets not controlled",
                    cv.path("kind").asText("outlet-disjoint"), cv.path("folds").asInt(),
                    cv.path("macroF1Mean").asDouble(), cv.path("macroF1Std").asDouble(), cv.path("baselineMacroF1Mean").asDouble());
            List<FoldDraw> draws = FoldDraw.read(cv);
            if (draws.size() > 1) {
                out.printf("%s%n%n", FoldDraw.summary(draws));
            }
        } else {
            out.println("### this bundle carries no outlet-disjoint cross-validation: its figures below may reward outlet fingerprints");
            out.println();
        }
        for (String target : evaluation.unlabeled()) {
            spec.commandLine().getErr().printf("slant: corpus %s has no '%s' labels; that target is not evaluated%n", corpus.name(), target);
        }
        for (TargetEvaluation r : evaluation.targets()) {
            out.printf("### %s, split %s, %s part%n", r.target(), splitName, evaluation.part().label());
            out.print(PlainTextReport.render(List.of(r)));
            out.println();
        }
        if (report != null) {
            ReportWriter.write(report, evaluation.targets());
            spec.commandLine().getErr().printf("slant: wrote the report to %s%n", report);
        }
        return ExitCodes.OK;
    }
}
