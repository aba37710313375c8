package dev.slant.training;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Target;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.datasets.split.Outlets;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.inference.eval.EvaluationLabels;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.score.LinearScorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * One training run on one split: fits the scrubber and the featurizer on the train part only, trains one model
 * per target (choosing settings on the valid part when the grid has more than one cell), and evaluates on the
 * valid and test parts through the same scoring path as {@code slant score}. The test part is never looked at
 * before the settings are fixed.
 */
public final class TrainingRun {
    private final List<LabelledArticle> articles;
    private final List<Target> targets;
    private final ScrubSettings scrubSettings;
    private final TrainerSettings trainer;
    private final SelectionGrid grid;
    private final int threads;
    private final Progress progress;
    private final double keepWeights;

    /**
     * @param articles      the corpus
     * @param targets       the targets to train, the main one first
     * @param scrubSettings how to fit the scrubber (used when the featurizer settings scrub)
     * @param trainer       the trainer settings (the grid varies their cost)
     * @param grid          the featurizer variants and costs to try
     * @param threads       threads for featurizing
     * @param progress      where progress goes
     */
    public TrainingRun(List<LabelledArticle> articles, List<Target> targets, ScrubSettings scrubSettings,
                       TrainerSettings trainer, SelectionGrid grid, int threads, Progress progress) {
        this(articles, targets, scrubSettings, trainer, grid, threads, progress, WeightPruning.KEEP_ALL);
    }

    /**
     * @param articles      the corpus
     * @param targets       the targets to train, the main one first
     * @param scrubSettings how to fit the scrubber (used when the featurizer settings scrub)
     * @param trainer       the trainer settings (the grid varies their cost)
     * @param grid          the featurizer variants and costs to try
     * @param threads       threads for featurizing
     * @param progress      where progress goes
     * @param keepWeights   the fraction of LibLinear feature weights kept ({@link WeightPruning}), applied right
     *                      after each fit so that every evaluation is of the pruned model
     */
    public TrainingRun(List<LabelledArticle> articles, List<Target> targets, ScrubSettings scrubSettings,
                       TrainerSettings trainer, SelectionGrid grid, int threads, Progress progress, double keepWeights) {
        this.keepWeights = keepWeights;
        this.articles = List.copyOf(articles);
        this.targets = List.copyOf(targets);
        this.scrubSettings = Objects.requireNonNull(scrubSettings, "scrubSettings");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.threads = threads;
        this.progress = Objects.requireNonNull(progress, "progress");
        if (this.targets.isEmpty()) {
            throw new IllegalArgumentException("no target to train");
        }
    }

    /**
     * Runs on one split.
     *
     * @param split the split (its train part must not be empty)
     * @return the fitted featurizer, one model per target, the grid and the evaluations
     * @throws InterruptedException if interrupted while featurizing
     * @throws IllegalArgumentException if the train part is empty or a target has fewer than two labels in it
     */
    public RunResult run(Split split) throws InterruptedException {
        Map<Part, int[]> parts = positions(split);
        int[] train = parts.get(Part.TRAIN);
        if (train.length == 0) {
            throw new IllegalArgumentException("split '" + split.name() + "' has an empty train part");
        }
        List<String> ids = articles.stream().map(LabelledArticle::id).toList();
        Scrubber scrubber = Scrubber.NONE;
        if (grid.featurizers().stream().anyMatch(FeaturizerSettings::scrub)) {
            progress.phase("fitting the scrubber on " + train.length + " training articles");
            List<Article> trainArticles = new ArrayList<>(train.length);
            for (int r : train) {
                trainArticles.add(articles.get(r).article());
            }
            scrubber = Scrubber.fit(trainArticles, scrubSettings);
        }
        List<GridRow> rows = new ArrayList<>();
        Candidate best = null;
        for (FeaturizerSettings fs : grid.featurizers()) {
            Candidate c = tryFeaturizer(fs, fs.scrub() ? scrubber : Scrubber.NONE, parts, ids, split.name(), rows);
            if (best == null || c.mainScore > best.mainScore) {
                best = c;
            }
        }
        Map<String, TargetFit> fits = new LinkedHashMap<>();
        if (parts.get(Part.TEST).length > 0) {
            progress.phase("scoring the test part");
        }
        for (TargetFit fit : best.fits.values()) {
            TargetFit withTest = evaluateTest(fit, best, parts, ids);
            fits.put(fit.target().name(), withTest);
        }
        List<GridRow> marked = new ArrayList<>();
        for (GridRow r : rows) {
            TargetFit f = fits.get(r.target());
            boolean chosen = r.featurizer().equals(describe(best.featurizer.settings()))
                    && r.trainer().equals(f.trainer().describe());
            marked.add(chosen ? r.asChosen() : r);
        }
        return new RunResult(split.name(), best.featurizer, fits, marked, parts.get(Part.TRAIN).length,
                parts.get(Part.VALID).length, parts.get(Part.TEST).length);
    }

    private Candidate tryFeaturizer(FeaturizerSettings fs, Scrubber scrubber, Map<Part, int[]> parts,
                                    List<String> ids, String splitName, List<GridRow> rows) throws InterruptedException {
        int[] all = concat(parts.get(Part.TRAIN), parts.get(Part.VALID), parts.get(Part.TEST));
        List<Article> used = new ArrayList<>(articles.size());
        for (LabelledArticle a : articles) {
            used.add(a.article());
        }
        progress.phase("featurizing " + all.length + " articles (" + describe(fs) + ")");
        FeatureTable table = FeatureTable.compute(Featurizer.unfitted(fs, scrubber), used, all, threads, progress::step);
        int[] trainRows = parts.get(Part.TRAIN);
        List<String> outlets = new ArrayList<>(trainRows.length);
        String[] outletAt = new String[articles.size()];
        for (int r : trainRows) {
            outletAt[r] = Outlets.of(articles.get(r).article());
            outlets.add(outletAt[r]);
        }
        Featurizer fitted = table.featurizer().fit(table.rows(trainRows), outlets);
        Map<String, TargetFit> fits = new LinkedHashMap<>();
        double mainScore = Double.NEGATIVE_INFINITY;
        // LibLinear's rows, laid out once and shared by every cost and by every target trained on the same rows with
        // the same n-gram filter.
        TrainingMatrix matrix = null;
        OutletsPerBucket outletsPerBucket = null;
        for (Target target : targets) {
            TargetRows train = TargetRows.of(target.name(), articles, parts.get(Part.TRAIN));
            TargetRows valid = TargetRows.of(target.name(), articles, parts.get(Part.VALID));
            List<String> labels = labelsOf(target, train);
            MajorityBaseline majority = MajorityBaseline.fromTrainingLabels(labels, train.labels());
            TargetFit bestFit = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            int trainingLabels = (int) train.labels().stream().distinct().count();
            int filter = trainer.forLabels(trainingLabels).minOutlets();
            if (filter > 1 && outletsPerBucket == null) {
                outletsPerBucket = OutletsPerBucket.of(table, trainRows, outlets, fs.buckets());
            }
            if (trainer.kind().usesLibLinear() && (matrix == null || !matrix.isOf(train.rows(), filter))) {
                matrix = null;
                progress.phase("weighing " + train.size() + " training articles for LibLinear"
                        + (filter > 1 ? " (n-grams of " + filter + "+ outlets)" : ""));
                matrix = TrainingMatrix.of(fitted, table, train.rows(), threads, outletsPerBucket, filter);
            }
            for (TrainerSettings tried : grid.trainers(trainer)) {
                TrainerSettings ts = tried.forLabels(trainingLabels);
                progress.phase("training " + target.name() + " (" + ts.describe() + ") on " + train.size() + " articles");
                long t0 = System.nanoTime();
                ModelFitter.Fitted fit = matrix != null
                        ? ModelFitter.train(ts, matrix, train, splitName + "/train", threads, r -> outletAt[r])
                        : ModelFitter.train(ts, fitted, table, train, splitName + "/train", threads, outletsPerBucket);
                ModelFitter.Fitted trained = WeightPruning.apply(fit, keepWeights);
                Model<Label> model = trained.model();
                double secs = (System.nanoTime() - t0) / 1e9;
                if (valid.size() > 0) {
                    progress.phase("scoring the valid part with the " + target.name() + " model");
                }
                LinearScorer scorer = trained.scorer(fs.buckets());
                List<String> validLabels = EvaluationLabels.of(target.labels(), known(labels, scorer), valid.labels());
                TargetEvaluation validEval = valid.size() == 0 ? null
                        : TargetEvaluation.of(target.name(), validLabels, EvaluationLabels.ordinal(target.labels(), target.ordinal(), validLabels),
                                majority, OutcomeScorer.score(scorer, fitted, table, valid, articles));
                double score = validEval == null ? 0 : validEval.model().macroF1();
                rows.add(new GridRow(target.name(), describe(fs), ts.describe(), score,
                        validEval == null ? Double.NaN : validEval.model().accuracy(), secs, false));
                if (bestFit == null || score > bestScore) {
                    bestScore = score;
                    bestFit = new TargetFit(target, labels, ts, model, scorer, majority, train.size() - trained.featureless(),
                            trained.featureless(), validEval, null);
                }
            }
            fits.put(target.name(), bestFit);
            if (target.equals(targets.get(0))) {
                mainScore = bestScore;
            }
        }
        return new Candidate(fitted, table, fits, mainScore);
    }

    private TargetFit evaluateTest(TargetFit fit, Candidate c, Map<Part, int[]> parts, List<String> ids) {
        TargetRows test = TargetRows.of(fit.target().name(), articles, parts.get(Part.TEST));
        if (test.size() == 0) {
            return fit;
        }
        List<Outcome> outcomes = OutcomeScorer.score(fit.scorer(), c.featurizer, c.table, test, articles);
        List<String> testLabels = EvaluationLabels.of(fit.target().labels(), known(fit.labels(), fit.scorer()), test.labels());
        TargetEvaluation testEval = TargetEvaluation.of(fit.target().name(), testLabels,
                EvaluationLabels.ordinal(fit.target().labels(), fit.target().ordinal(), testLabels), fit.majority(), outcomes);
        return new TargetFit(fit.target(), fit.labels(), fit.trainer(), fit.model(), fit.scorer(), fit.majority(),
                fit.trainRows(), fit.featureless(), fit.valid(), testEval);
    }

    /** The labels of the training part and of the model. */
    private static java.util.Set<String> known(List<String> trainingLabels, LinearScorer scorer) {
        java.util.Set<String> known = new java.util.HashSet<>(trainingLabels);
        known.addAll(scorer.labels());
        return known;
    }

    /** The labels of a target: its declared order, else every label seen in training, sorted. */
    private static List<String> labelsOf(Target target, TargetRows train) {
        if (!target.labels().isEmpty()) {
            return target.labels();
        }
        return List.copyOf(new TreeSet<>(train.labels()));
    }

    private Map<Part, int[]> positions(Split split) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            pos.put(articles.get(i).id(), i);
        }
        Map<Part, int[]> out = new LinkedHashMap<>();
        for (Part p : Part.values()) {
            List<String> ids = split.ids(p);
            int[] rows = new int[ids.size()];
            int k = 0;
            for (String id : ids) {
                Integer i = pos.get(id);
                if (i != null) {
                    rows[k++] = i;
                }
            }
            out.put(p, java.util.Arrays.copyOf(rows, k));
        }
        return out;
    }

    private static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int k = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /**
     * @param fs featurizer settings
     * @return a short description for grids, e.g. "words 1-2, tokens of 3+ characters, 2^20 buckets, scrubbed"
     */
    public static String describe(FeaturizerSettings fs) {
        StringBuilder sb = new StringBuilder("words ").append(fs.wordMinN()).append('-').append(fs.wordMaxN());
        if (fs.charNgrams()) {
            sb.append(", chars ").append(fs.charMinN()).append('-').append(fs.charMaxN());
        }
        if (fs.rawCharNgrams()) {
            sb.append(", raw chars ").append(fs.rawCharMinN()).append('-').append(fs.rawCharMaxN());
        }
        sb.append(", tokens of ").append(fs.minTokenLength()).append("+ characters");
        if (!fs.dropNumbers()) {
            sb.append(", numbers kept");
        }
        if (fs.titleWeight() > 0) {
            sb.append(", title weight ").append(fs.titleWeight());
        }
        int b = fs.buckets();
        sb.append(", ").append(Integer.bitCount(b) == 1 ? "2^" + Integer.numberOfTrailingZeros(b) : String.valueOf(b))
                .append(" buckets");
        sb.append(fs.scrub() ? ", scrubbed" : ", not scrubbed");
        return sb.toString();
    }

    private record Candidate(Featurizer featurizer, FeatureTable table, Map<String, TargetFit> fits, double mainScore) {
    }
}
