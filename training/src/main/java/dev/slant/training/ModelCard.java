package dev.slant.training;

import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.FoldDraw;
import dev.slant.inference.eval.Spread;

/** Writes a bundle's {@code MODEL_CARD.md}: intended use, data, honest and easy figures side by side, limits. */
public final class ModelCard {
    private ModelCard() {
    }

    /**
     * @param o a finished training job
     * @return the card, Markdown
     */
    public static String render(TrainingOutcome o) {
        StringBuilder sb = new StringBuilder();
        RunResult r = o.result();
        sb.append("# Slant model card\n\n");
        sb.append("## Intended use\n\n");
        sb.append("Classifies English political news articles by ").append(String.join(" and ", r.targets().keySet()))
                .append(". Made for batch scoring and research on media bias; not for judging individual authors or outlets.\n\n");
        sb.append("## Data\n\n");
        sb.append("- Corpus: ").append(o.corpus().corpus().name()).append(", ").append(o.corpus().report().accepted())
                .append(" articles read, ").append(o.corpus().report().rejectedTotal()).append(" rejected (SHA-256 ")
                .append(o.corpus().sha256(), 0, 16).append("...)\n");
        sb.append("- Split: ").append(r.split()).append(" (train ").append(r.trainSize()).append(", valid ")
                .append(r.validSize()).append(", test ").append(r.testSize()).append(")\n");
        sb.append("- Duplicates: ").append(o.duplicates().groups().size()).append(" groups; ")
                .append(o.drops().laterCopies().size()).append(" later copies and ").append(o.drops().conflicting().size())
                .append(" articles of groups with conflicting labels kept out of training\n");
        sb.append("- Featurizer: ").append(TrainingRun.describe(r.featurizer().settings())).append('\n');
        r.targets().values().forEach(f -> sb.append("- ").append(f.target().name()).append(": ").append(f.trainer().describe())
                .append(", trained on ").append(f.trainRows()).append(" articles (").append(f.featureless())
                .append(" left out with no feature kept)\n"));
        sb.append("\n## Figures\n\n");
        sb.append("| evaluation | model | majority baseline |\n| --- | --- | --- |\n");
        CrossValidation cv = o.outletCv();
        if (cv != null) {
            sb.append("| ").append(cv.target()).append(", ").append(o.cvKind()).append(" ").append(cv.folds().size())
                    .append("-fold CV, macro-F1 mean ± sd").append(o.namedOutlets() > 0 ? " (leakage-controlled)" : "").append(" | ").append(spread(cv.model().macroF1()))
                    .append(" | ").append(spread(cv.baseline().macroF1())).append(" |\n");
            if (o.foldDraws().size() > 1) {
                java.util.DoubleSummaryStatistics f1 = FoldDraw.macroF1s(o.foldDraws());
                sb.append("| ").append(cv.target()).append(", the same over ").append(o.foldDraws().size())
                        .append(" draws of the folds, mean (lowest to highest draw) | ")
                        .append(String.format("%.3f (%.3f to %.3f)", f1.getAverage(), f1.getMin(), f1.getMax()))
                        .append(" | ").append(String.format("%.3f", FoldDraw.baselineMean(o.foldDraws())))
                        .append(" |\n");
            }
        }
        boolean byTime = dev.slant.datasets.split.SplitChoice.TimeCut.parse(r.split()) != null;
        String testPart = byTime ? " test (later articles)" : " test";
        String validPart = byTime ? " valid (in-period, held out)" : " valid";
        for (TargetFit f : r.targets().values()) {
            if (f.test() != null) {
                sb.append("| ").append(f.target().name()).append(", ").append(r.split()).append(testPart).append(", macro-F1 | ")
                        .append(String.format("%.3f", f.test().model().macroF1())).append(" | ")
                        .append(String.format("%.3f", f.test().baselineFigures().macroF1())).append(" |\n");
            }
            if (f.valid() != null) {
                sb.append("| ").append(f.target().name()).append(", ").append(r.split()).append(validPart).append(", macro-F1 | ")
                        .append(String.format("%.3f", f.valid().model().macroF1())).append(" | ")
                        .append(String.format("%.3f", f.valid().baselineFigures().macroF1())).append(" |\n");
            }
        }
        if (o.trust() != null && o.trust().invariance() != null) {
            var inv = o.trust().invariance();
            sb.append("\n## Invariance\n\n");
            sb.append("Perturbations that must not change a label, each applied to the ").append(inv.articles())
                    .append(" articles of the ").append(r.split()).append(' ').append(o.trust().perturbed())
                    .append(" part (seed ").append(inv.seed()).append("; `slant evaluate --invariance` repeats it). A flip is"
                            + " a changed label; the change of p(label) is of the label predicted before.\n");
            for (String target : inv.targets()) {
                sb.append("\n### ").append(target).append("\n\n").append(inv.markdown(target));
            }
        }
        sb.append("\n## Known limitations\n\n");
        sb.append("- Article-bias stance labels are the outlet's AllSides rating, not a judgement of each article: a model can\n"
                + "  learn outlets rather than stance. The outlet-disjoint figure is the one to trust for unseen outlets.\n");
        if (cv != null && o.foldDraws().size() == 1) {
            sb.append("- The cross-validation figure is one draw of the folds; which outlets share a fold moves it by a few\n"
                    + "  points (`slant train --fold-draws N` measures the spread).\n");
        }
        if (r.targets().values().stream().anyMatch(f -> f.trainer().prototypeShare() > 0 && f.labels().size() >= 3)) {
            sb.append("- Outlet prototypes (a label's weights are the mean of those learned for each outlet holding a set share\n"
                    + "  of its training articles and for the rest; where no outlet holds it, the plain model) favour outlets\n"
                    + "  never seen in training over the training outlets themselves.\n");
        }
        if (r.targets().values().stream().anyMatch(ModelCard::hasTemperature)) {
            sb.append("- Probabilities are calibrated for outlets never seen in training (a temperature fitted on held-out\n"
                    + "  outlets of the training part); on articles of the training outlets, which the model gets right more\n"
                    + "  often, they are under-confident (see the ECE in `slant evaluate`).\n");
        }
        if (r.targets().values().stream().anyMatch(f -> !hasTemperature(f) && f.trainer().kind() == TrainerKind.SVM)) {
            sb.append("- An SVM's probabilities without a temperature are a softmax of its margins: they rank labels but are\n"
                    + "  not calibrated.\n");
        }
        sb.append("- Outlet fingerprints are scrubbed with rules fitted on the training part; others may remain.\n");
        sb.append("- Linear bag-of-n-grams model: no word order beyond n-grams, English only.\n");
        return sb.toString();
    }

    /** Whether a target's model was given a temperature (its provenance records the factor). */
    private static boolean hasTemperature(TargetFit f) {
        return f.model().getProvenance().getInstanceProvenance().getMap().containsKey(ModelFitter.TEMPERATURE_FACTOR);
    }

    private static String spread(Spread s) {
        return String.format("%.3f ± %.3f", s.mean(), s.standardDeviation());
    }
}
