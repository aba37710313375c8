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
import dev.slant.inference.eval.Format;
import dev.slant.inference.eval.PlainText;
import dev.slant.inference.eval.SplitEvaluation;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.report.Headlines;
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
                "Prints the bundle's outlet-disjoint cross-validation (measured when it was trained), then per target "
                        + "macro-F1, accuracy, MAE for ordinal targets and calibration, each beside the majority "
                        + "baseline of the split's train part; --verbose and --report add per-class figures and the "
                        + "confusion matrix."})
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

    @Option(names = "--report", paramLabel = "DIR", description = "Also write the full report here: per-class figures, "
            + "confusion matrices and calibration, as Markdown, JSON and SVG.")
    Path report;

    @Option(names = "--verbose", description = "Also print the full report on the terminal.")
    boolean verbose;

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
        if (cv.isMissingNode()) {
            out.println("This bundle carries no outlet-disjoint cross-validation: the figures below may reward outlet "
                    + "fingerprints.");
        } else {
            boolean outlets = cv.path("namedOutlets").asInt(1) > 0;
            out.printf("%s %s (%s %d-fold CV, measured at training): macro-F1 %s ± %s (majority %s)%n",
                    cv.path("target").asText(), outlets ? "on outlets never seen in training" : "on held-out articles, outlets not controlled",
                    cv.path("kind").asText("outlet-disjoint"), cv.path("folds").asInt(),
                    Format.percent(cv.path("macroF1Mean").asDouble()), Format.percent(cv.path("macroF1Std").asDouble()),
                    Format.percent(cv.path("baselineMacroF1Mean").asDouble()));
            List<FoldDraw> draws = FoldDraw.read(cv);
            if (draws.size() > 1) {
                out.println(FoldDraw.summary(draws));
            }
        }
        for (String target : evaluation.unlabeled()) {
            spec.commandLine().getErr().printf("slant: corpus %s has no '%s' labels; that target is not evaluated%n",
                    corpus.name(), target);
        }
        String what = splitName + " split, " + evaluation.part().label() + " part";
        for (TargetEvaluation r : evaluation.targets()) {
            out.println();
            out.print(PlainText.render(List.of(Headlines.of(r.target(), List.of(new Headlines.Row(what, r))))));
            if (verbose) {
                out.println();
                out.print(PlainTextReport.render(List.of(r)));
            }
        }
        if (report != null) {
            ReportWriter.write(report, evaluation.targets());
            spec.commandLine().getErr().printf("slant: wrote the full report to %s%n", report);
        }
        return ExitCodes.OK;
    }
}
