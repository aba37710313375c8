package dev.slant.training;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.dedup.Deduplicator;
import dev.slant.datasets.dedup.DropPolicy;
import dev.slant.datasets.dedup.DuplicateGroups;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.FoldDraw;
import dev.slant.inference.eval.TargetEvaluation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Slant's main job: from a loaded corpus, find duplicates (copies stay on one side of every split; later copies
 * and groups with conflicting labels leave the training part), train and choose on the requested split, and
 * (optionally) cross-validate the main target over outlet-disjoint folds with the chosen settings.
 */
public final class TrainingJob {
    private final LoadedCorpus corpus;
    private final TrainingRequest request;
    private final Progress progress;
    private final boolean trustChecks;

    /**
     * @param corpus   the data
     * @param request  what to train
     * @param progress where progress goes
     */
    public TrainingJob(LoadedCorpus corpus, TrainingRequest request, Progress progress) {
        this(corpus, request, progress, true);
    }

    private TrainingJob(LoadedCorpus corpus, TrainingRequest request, Progress progress, boolean trustChecks) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.request = Objects.requireNonNull(request, "request");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.trustChecks = trustChecks;
    }

    /**
     * @return this job without the {@link TrustChecks} (invariance and the drift reference), for measurements of
     *         training alone such as {@code slant bench}; its bundle carries no drift reference
     */
    public TrainingJob withoutTrustChecks() {
        return new TrainingJob(corpus, request, progress, false);
    }

    /**
     * Runs the job.
     *
     * @return the trained models, their evaluations and the cross-validation
     * @throws IOException          if the corpus's split files cannot be read
     * @throws InterruptedException if interrupted
     * @throws IllegalArgumentException if the split is unknown or a target cannot be trained
     */
    public TrainingOutcome run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<LabelledArticle> articles = corpus.articles();
        progress.phase("finding duplicates among " + articles.size() + " articles");
        DuplicateGroups groups = Deduplicator.onNormalizedText().find(articles);
        String main = request.targets().get(0).name();
        DropPolicy.Drops drops = DropPolicy.dropConflictingOn(main).apply(groups);
        Set<String> dropped = drops.all();

        List<Split> splits = SplitChoice.make(request.split(), articles, corpus.corpus().publishedSplits(),
                groups::groupKey, main, request.seed(), request.folds());
        TrainingRun run = new TrainingRun(articles, request.targets(), request.scrub(), request.trainer(), request.grid(),
                request.threads(), progress, request.keepWeights());
        boolean cvIsTheSplit = splits.size() > 1;
        LongFunction<List<Split>> outletFolds = seed -> SplitChoice.make(SplitChoice.OUTLET_CV, articles, Map.of(),
                groups::groupKey, main, seed, request.folds());
        RunResult result;
        Split trained;
        CrossValidation cv = null;
        TrainerSettings cvTrainer = request.trainer();
        SelectionGrid cvGrid = request.grid();
        if (cvIsTheSplit) {
            // Every article is tested once over the folds; the bundle's models then learn from every article.
            cv = crossValidate(splits, request.targets().get(0), cvTrainer, cvGrid, dropped);
            trained = withoutTraining(allTrain(articles, request.split()), dropped);
            result = run.run(trained);
        } else {
            trained = withoutTraining(splits.get(0), dropped);
            result = run.run(trained);
            if (request.outletCv()) {
                cvTrainer = result.targets().get(main).trainer();
                cvGrid = SelectionGrid.single(result.featurizer().settings());
                cv = crossValidate(outletFolds.apply(request.seed()), request.targets().get(0), cvTrainer, cvGrid,
                        dropped);
            }
        }
        List<FoldDraw> laterDraws = new ArrayList<>();
        if (cv != null) {
            // The same settings over further draws of the folds: only which outlets share a fold changes.
            for (int d = 1; d < request.foldDraws(); d++) {
                long seed = request.seed() + d;
                progress.phase("fold draw " + (d + 1) + " of " + request.foldDraws() + " (seed " + seed + ")");
                laterDraws.add(FoldDraw.of(seed, crossValidate(outletFolds.apply(seed), request.targets().get(0),
                        cvTrainer, cvGrid, dropped)));
            }
        }
        TrustChecks trust = null;
        if (trustChecks) {
            progress.phase("perturbing held-out articles and measuring the drift reference");
            trust = TrustChecks.of(result, trained, articles, request.seed());
        }
        int named = dev.slant.datasets.split.Outlets.countNamed(articles.stream().map(LabelledArticle::article).toList());
        return new TrainingOutcome(corpus, request, result, cv, laterDraws, groups, drops,
                (System.nanoTime() - t0) / 1e9, named, trust);
    }

    /**
     * Trains and tests every fold, as many at once as there are threads (each fold holds its own feature table,
     * so memory grows with the folds run together).
     */
    private CrossValidation crossValidate(List<Split> folds, dev.slant.datasets.Target target, TrainerSettings trainer,
                                          SelectionGrid grid, Set<String> dropped) throws InterruptedException {
        TrainingRun foldRun = new TrainingRun(corpus.articles(), List.of(target), request.scrub(), trainer, grid,
                1, Progress.NONE, request.keepWeights());
        int parallel = Math.min(request.threads(), folds.size());
        progress.phase("outlet cross-validation: " + folds.size() + " folds, " + parallel + " at a time");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "outlet-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<TargetEvaluation>> futures = new ArrayList<>();
            for (Split fold : folds) {
                futures.add(pool.submit(() -> foldRun.run(withoutTraining(fold, dropped)).targets().get(target.name()).test()));
            }
            List<TargetEvaluation> tested = new ArrayList<>();
            for (var f : futures) {
                tested.add(f.get());
                progress.step(tested.size());
            }
            return CrossValidation.of(tested);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("an outlet fold failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Split allTrain(List<LabelledArticle> articles, String name) {
        Map<String, Part> parts = new LinkedHashMap<>();
        articles.forEach(a -> parts.put(a.id(), Part.TRAIN));
        return new Split(name, parts);
    }

    /** The split with the dropped duplicates taken out of its train part (valid and test stay as published). */
    private static Split withoutTraining(Split split, Set<String> dropped) {
        Map<String, Part> parts = new LinkedHashMap<>();
        split.partById().forEach((id, part) -> {
            if (part != Part.TRAIN || !dropped.contains(id)) {
                parts.put(id, part);
            }
        });
        return new Split(split.name(), parts);
    }
}
