package dev.slant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.DistinctFiles;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.PublicationDates;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.eval.FoldDraw;
import dev.slant.inference.eval.Format;
import dev.slant.inference.eval.PlainText;
import dev.slant.inference.eval.SplitEvaluation;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.eval.TimeSplitReport;
import dev.slant.inference.invariance.InvarianceReport;
import dev.slant.inference.invariance.InvarianceTest;
import dev.slant.inference.invariance.Perturbations;
import dev.slant.inference.report.Headlines;
import dev.slant.inference.report.PlainTextReport;
import dev.slant.inference.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slant evaluate}: scores one part of a split with a bundle and prints honest figures. */
@Command(name = "evaluate",
        description = {"Evaluate a model bundle on one part of a split, or on a whole labelled file, beside the majority baseline.",
                "Prints the bundle's outlet-disjoint cross-validation (measured when it was trained), then per target "
                        + "macro-F1, accuracy, MAE for ordinal targets and calibration, each beside the majority "
                        + "baseline of the split's train part (of the bundle's training labels for a whole file); "
                        + "--verbose and --report add per-class figures and the confusion matrix. A split by time "
                        + "prints its later part beside its in-period part; --invariance adds the perturbations that "
                        + "must not change a label."})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    CorpusOptions source = new CorpusOptions();

    @Option(names = "--split", paramLabel = "NAME", description = "The split: a published one, stratified, outlet, time, "
            + "outlet-time, or " + SplitEvaluation.WHOLE + " (every article a test article) (default: the one the "
            + "bundle was trained on, for its own training data; " + SplitEvaluation.WHOLE + " for any other --input file).")
    String split;

    @Option(names = "--before", paramLabel = "DATE", description = "With --split time or outlet-time: the first day of "
            + "the later part, YYYY-MM-DD (default: the bundle's, else the day that leaves about 20% of the dated "
            + "articles on or after it).")
    String before;

    @Option(names = "--part", paramLabel = "PART",
            description = "train, valid or test (default: test; for a split by time, valid (in-period) and test (later) side by side).")
    String part;

    @Option(names = "--invariance", description = "Also perturb the evaluated articles in ways that must not change "
            + "their labels (another outlet's name, dateline or reprint footer; whitespace, quotes, case; a neutral "
            + "sentence) and print, per perturbation, the share of labels that flip and the mean change of the "
            + "label's probability.")
    boolean invariance;

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
        Path modelFile = model.resolve(spec.commandLine(), spec.commandLine().getErr());
        LoadedBundle bundle = BundleReader.read(modelFile);
        DistinctFiles files = source.distinctFiles().reads("--model", modelFile);
        if (report != null) {
            files.writes("--report", report.resolve(ReportWriter.MARKDOWN)).writes("--report", report.resolve(ReportWriter.JSON));
            for (String t : bundle.manifest().targetNames()) {
                files.writes("--report", report.resolve(ReportWriter.confusionFile(t)))
                        .writes("--report", report.resolve(ReportWriter.reliabilityFile(t)));
            }
        }
        files.verify();
        if (SplitChoice.OUTLET_CV.equals(split)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "outlet-cv retrains per fold: run 'slant train --split outlet-cv'; "
                    + "evaluate takes one split and prints the bundle's stored outlet cross-validation");
        }
        if (before != null && SplitChoice.TimeCut.parse(split != null ? split : SplitChoice.TIME) == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--before goes with --split time or outlet-time, not " + split);
        }
        Corpus corpus = source.corpus();
        LoadedCorpus loaded = source.load(corpus);
        String splitName = splitName(bundle, loaded);
        if (SplitChoice.OUTLET_CV.equals(splitName)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "outlet-cv retrains per fold: run 'slant train --split outlet-cv'; "
                    + "evaluate takes one split and prints the bundle's stored outlet cross-validation");
        }
        boolean byTime = SplitChoice.TimeCut.parse(splitName) != null;
        List<Part> parts = part != null ? List.of(Part.parse(part)) : byTime ? List.of(Part.VALID, Part.TEST) : List.of(Part.TEST);
        List<SplitEvaluation> evaluations = SplitEvaluation.of(bundle, corpus, loaded.articles(), splitName, parts, seed);
        SplitEvaluation evaluation = evaluations.get(evaluations.size() - 1);

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
        String madeSplit = evaluation.split();
        if (byTime && parts.equals(List.of(Part.VALID, Part.TEST))) {
            out.println();
            out.print(PlainText.render(List.of(TimeSplitReport.section(madeSplit, evaluations.get(0).targets(),
                    evaluations.get(1).targets(), PublicationDates.asOfToday().census(loaded.articles()).lines()))));
        }
        for (int t = 0; t < evaluation.targets().size(); t++) {
            List<Headlines.Row> rows = new ArrayList<>();
            for (SplitEvaluation e : evaluations) {
                String what = madeSplit + " split, " + e.part().label() + " part"
                        + (byTime ? e.part() == Part.TEST ? " (later)" : e.part() == Part.VALID ? " (in-period)" : "" : "");
                rows.add(new Headlines.Row(what, e.targets().get(t)));
            }
            TargetEvaluation r = evaluation.targets().get(t);
            out.println();
            out.print(PlainText.render(List.of(Headlines.of(r.target(), rows))));
            if (verbose) {
                for (SplitEvaluation e : evaluations) {
                    out.println();
                    out.print(PlainTextReport.render(List.of(e.targets().get(t))));
                }
            }
        }
        if (invariance) {
            Part perturbed = parts.get(parts.size() - 1);
            List<Article> articles = SplitEvaluation.articles(bundle, corpus, loaded.articles(), splitName, perturbed, seed)
                    .stream().map(LabelledArticle::article).toList();
            SlantClassifier slant = SlantClassifier.of(bundle);
            InvarianceReport inv = InvarianceTest.run(slant::classify, articles, Perturbations.forModel(bundle.featurizer(),
                    loaded.articles().stream().map(LabelledArticle::article).toList()), seed);
            out.println();
            out.print(PlainText.render(inv.sections(madeSplit + " " + perturbed.label() + " part")));
        }
        if (report != null) {
            ReportWriter.write(report, evaluation.targets());
            spec.commandLine().getErr().printf("slant: wrote the full report to %s%n", report);
        }
        return ExitCodes.OK;
    }

    /**
     * The split asked for: --split (with --before for a split by time), else the bundle's own split where the data is
     * what it was trained on (a named corpus, or the very file), else, for another file, the whole file.
     */
    private String splitName(LoadedBundle bundle, LoadedCorpus loaded) {
        boolean trainedOn = source.input == null || loaded.sha256().equals(bundle.manifest().trainingDataSha256());
        String name = split != null ? split : trainedOn ? SplitEvaluation.trainedSplit(bundle) : SplitEvaluation.WHOLE;
        if (before == null) {
            return name;
        }
        SplitChoice.TimeCut cut = SplitChoice.TimeCut.parse(name);
        if (cut == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--before goes with --split time or outlet-time, not " + name
                    + " (the bundle's split)");
        }
        try {
            return SplitChoice.TimeCut.name(cut.kind(), java.time.LocalDate.parse(before));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--before '" + before + "': give a date as YYYY-MM-DD", e);
        }
    }
}
