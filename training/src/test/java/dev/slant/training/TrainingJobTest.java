package dev.slant.training;

import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.eval.FoldDraw;
import dev.slant.inference.features.FeaturizerSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingJobTest {
    @TempDir
    Path dir;

    private static TrainingRequest request(LoadedCorpus corpus, String split, boolean select) {
        FeaturizerSettings fs = FeaturizerSettings.DEFAULTS.withBuckets(1 << 16);
        SelectionGrid grid = select ? new SelectionGrid(java.util.List.of(fs, fs.withWordNgrams(1, 1)), java.util.List.of(0.1, 1.0))
                : SelectionGrid.single(fs);
        return new TrainingRequest(corpus.corpus().targets(), split, TrainerSettings.DEFAULTS, grid,
                ScrubSettings.DEFAULTS, true, 3, 7, 2);
    }

    @Test
    void trainsEveryTargetCrossValidatesOverOutletsAndWritesALoadableBundle() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(600, 1).load();
        TrainingOutcome o = new TrainingJob(corpus, request(corpus, SplitChoice.STRATIFIED, false), Progress.NONE).run();
        assertEquals(java.util.List.of("stance", "topic"), java.util.List.copyOf(o.result().targets().keySet()));
        TargetFit stance = o.result().targets().get("stance");
        assertNotNull(stance.test());
        assertTrue(stance.test().model().macroF1() > 0.9, "stance is easy here: " + stance.test().model().macroF1());
        assertEquals(3, o.outletCv().folds().size());
        // Every article is tested exactly once over the folds.
        assertEquals(600, o.outletCv().pooled().outcomes().size());

        Path file = dir.resolve("m.slant");
        new BundleWriter().write(file, BundleAssembler.contents(o));
        LoadedBundle loaded = BundleReader.read(file);
        assertEquals(java.util.List.of("stance", "topic"), loaded.manifest().targetNames());
        assertTrue(loaded.modelCard().contains("outlet-disjoint 3-fold CV"), loaded.modelCard());
        assertTrue(loaded.modelCard().contains("is one draw of the folds"), "one draw says so: " + loaded.modelCard());
        assertTrue(loaded.modelCard().contains("- Outlet prototypes"), "the default stance model's card says so");
        assertTrue(loaded.modelCard().contains("- Probabilities are calibrated for outlets never seen"), loaded.modelCard());
        assertTrue(loaded.modelCard().contains("without a temperature are a softmax"), "topic (two labels) has none");
        assertEquals("svm C=0.3 balanced outlet prototypes of 4% temperature on 5 outlet folds", stance.trainer().describe());
        // The loaded featurizer gives the same features as the trained one, value for value.
        var article = corpus.articles().get(5).article();
        var before = o.result().featurizer().featurize(article);
        var after = loaded.featurizer().featurize(article);
        assertArrayEquals(before.indices(), after.indices());
        assertArrayEquals(before.values(), after.values());
        assertEquals(o.corpus().sha256(), loaded.manifest().trainingDataSha256());
    }

    @Test
    void aModelWithoutOutletPrototypesOrTemperatureHasNoCardLineAboutThem() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(300, 1).load();
        TrainingRequest r = request(corpus, SplitChoice.STRATIFIED, false);
        TrainingRequest off = new TrainingRequest(r.targets(), r.split(), TrainerSettings.DEFAULTS.withPrototypeShare(0)
                .withTemperatureFolds(0), r.grid(), r.scrub(), false, r.folds(), r.seed(), r.threads());
        TrainingOutcome o = new TrainingJob(corpus, off, Progress.NONE).run();
        assertEquals("svm C=0.3 balanced", o.result().targets().get("stance").trainer().describe());
        assertFalse(ModelCard.render(o).contains("Outlet prototypes"), ModelCard.render(o));
        assertFalse(ModelCard.render(o).contains("Probabilities are calibrated"), ModelCard.render(o));
        assertTrue(ModelCard.render(o).contains("without a temperature are a softmax"), ModelCard.render(o));
    }

    @Test
    void furtherFoldDrawsRepeatTheCrossValidationWithTheNextSeeds() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(300, 1).load();
        TrainingRequest one = request(corpus, SplitChoice.STRATIFIED, false);
        TrainingRequest three = new TrainingRequest(one.targets(), one.split(), one.trainer(), one.grid(), one.scrub(),
                true, one.folds(), one.seed(), one.threads(), WeightPruning.KEEP_ALL, 3);
        TrainingOutcome o = new TrainingJob(corpus, three, Progress.NONE).run();
        assertEquals(java.util.List.of(7L, 8L, 9L), o.foldDraws().stream().map(FoldDraw::seed).toList());
        assertEquals(o.outletCv().model().macroF1().mean(), o.foldDraws().get(0).macroF1(),
                "the first draw is the one reported");
        // The draw of seed 8 is what a run with seed 8 reports as its own cross-validation.
        TrainingRequest eight = new TrainingRequest(one.targets(), one.split(), one.trainer(), one.grid(), one.scrub(),
                true, one.folds(), 8, one.threads());
        TrainingOutcome o8 = new TrainingJob(corpus, eight, Progress.NONE).run();
        assertEquals(java.util.List.of(o.foldDraws().get(1)), o8.foldDraws());

        Path file = dir.resolve("draws.slant");
        new BundleWriter().write(file, BundleAssembler.contents(o));
        LoadedBundle loaded = BundleReader.read(file);
        assertEquals(o.foldDraws(), FoldDraw.read(loaded.manifest().metrics().path("outletCv")),
                "the manifest gives back every draw");
        assertTrue(loaded.modelCard().contains("the same over 3 draws of the folds"), loaded.modelCard());
        assertFalse(loaded.modelCard().contains("is one draw of the folds"), loaded.modelCard());
        assertTrue(FoldDraw.summary(o.foldDraws()).startsWith("over 3 draws of the folds (seeds 7 to 9): macro-F1 "),
                FoldDraw.summary(o.foldDraws()));

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrainingRequest(one.targets(), one.split(), one.trainer(), one.grid(), one.scrub(), true,
                        one.folds(), one.seed(), one.threads(), WeightPruning.KEEP_ALL, 0));
        assertEquals("fold draws must be at least 1, got 0", e.getMessage());
    }

    @Test
    void keptWeightsArePrunedInTheModelThatIsEvaluatedAndWritten() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(300, 1).load();
        TrainingRequest all = request(corpus, SplitChoice.STRATIFIED, false);
        TrainingRequest quarter = new TrainingRequest(all.targets(), all.split(), all.trainer(), all.grid(), all.scrub(),
                false, all.folds(), all.seed(), all.threads(), 0.25);
        TrainingOutcome o = new TrainingJob(corpus, quarter, Progress.NONE).run();
        TargetFit stance = o.result().targets().get("stance");
        var scorer = stance.scorer();
        long total = 0;
        long nonZero = 0;
        for (int b = 0; b < scorer.buckets(); b++) {
            for (int k = 0; scorer.knows(b) && k < scorer.labels().size(); k++) {
                total++;
                nonZero += scorer.weight(b, k) != 0 ? 1 : 0;
            }
        }
        assertTrue(Math.abs(nonZero - total / 4.0) <= total / 100.0 + 3, nonZero + " of " + total + " weights kept");
        // The evaluated scorer is the written model's: the bundle loads the same weights.
        Path file = dir.resolve("pruned.slant");
        new BundleWriter().write(file, BundleAssembler.contents(o));
        var loaded = BundleReader.read(file).scorers().get("stance");
        for (int b = 0; b < scorer.buckets(); b++) {
            for (int k = 0; scorer.knows(b) && k < scorer.labels().size(); k++) {
                assertEquals(scorer.weight(b, k), loaded.weight(b, k), 0.0, "bucket " + b);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameScores() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(300, 2).load();
        TrainingOutcome a = new TrainingJob(corpus, request(corpus, SplitChoice.OUTLET, false), Progress.NONE).run();
        TrainingOutcome b = new TrainingJob(corpus, request(corpus, SplitChoice.OUTLET, false), Progress.NONE).run();
        var ta = a.result().targets().get("stance").test().outcomes();
        var tb = b.result().targets().get("stance").test().outcomes();
        assertEquals(ta, tb);
    }

    @Test
    void selectionTriesTheGridOnTheValidPartAndMarksOneChoicePerTarget() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(400, 3).load();
        TrainingOutcome o = new TrainingJob(corpus, request(corpus, SplitChoice.STRATIFIED, true), Progress.NONE).run();
        assertEquals(2 * 2 * 2, o.result().grid().size());
        assertEquals(2, o.result().grid().stream().filter(GridRow::chosen).count());
    }

    @Test
    void outletCvAsTheSplitTrainsTheBundleOnEveryArticle() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(300, 4).load();
        TrainingOutcome o = new TrainingJob(corpus, request(corpus, SplitChoice.OUTLET_CV, false), Progress.NONE).run();
        assertEquals(300, o.result().trainSize());
        assertEquals(300, o.outletCv().pooled().outcomes().size());
    }
}
