package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.features.FeaturizerSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;

class TrainerSettingsTest {

    @Test
    void everyTrainerKindTrainsAModelTheFastScorerCanServe() throws Exception {
        LoadedCorpus corpus = new SyntheticCorpus(300, 9).load();
        for (TrainerKind kind : TrainerKind.values()) {
            double cost = kind == TrainerKind.NAIVE_BAYES ? TrainerSettings.NAIVE_BAYES_ALPHA
                    : kind == TrainerKind.SGD_LOGISTIC ? TrainerSettings.SGD_LEARNING_RATE : 0.3;
            TrainerSettings ts = TrainerSettings.DEFAULTS.withKind(kind).withCost(cost);
            FeaturizerSettings fs = FeaturizerSettings.DEFAULTS.withBuckets(1 << 14);
            TrainingRequest request = new TrainingRequest(corpus.corpus().targets().subList(0, 1), SplitChoice.STRATIFIED,
                    ts, SelectionGrid.single(fs), ScrubSettings.DEFAULTS, false, 2, 1, 1);
            TrainingOutcome o = new TrainingJob(corpus, request, Progress.NONE).run();
            double f1 = o.result().targets().get("stance").test().model().macroF1();
            assertTrue(f1 > 0.8, kind + " macro-F1 " + f1);
        }
    }

    @Test
    void balancedWeightsAreInverseToClassFrequency() {
        Map<Label, Float> w = TrainerSettings.classWeights(List.of("a", "a", "a", "b"), 1);
        assertEquals(4 / (2.0 * 3), w.get(new Label("a")), 1e-6);
        assertEquals(4 / (2.0 * 1), w.get(new Label("b")), 1e-6);
    }

    @Test
    void theExponentTempersTheWeightsOfRareClasses() {
        List<String> labels = List.of("a", "a", "a", "a", "a", "a", "a", "b");
        Map<Label, Float> tempered = TrainerSettings.classWeights(labels, 0.5);
        assertEquals(Math.sqrt(8 / (2.0 * 7)), tempered.get(new Label("a")), 1e-6);
        assertEquals(2.0, tempered.get(new Label("b")), 1e-6);
        Map<Label, Float> none = TrainerSettings.classWeights(labels, 0);
        assertEquals(1.0, none.get(new Label("a")), 1e-6);
        assertEquals(1.0, none.get(new Label("b")), 1e-6);
        TrainerSettings fixedCost = TrainerSettings.DEFAULTS.withCost(0.3).withMinOutlets(1).withPrototypeShare(0)
                .withTemperatureFolds(0);
        assertEquals("svm C=0.3 balanced^0.5", fixedCost.withBalance(0.5).describe());
        assertEquals("svm C=0.3 balanced", fixedCost.withBalance(1).describe());
        assertEquals("svm C=0.3", fixedCost.withBalance(0).describe());
    }

    @Test
    void byDefaultFewLabelsAreFullyBalancedAndManyTempered() {
        TrainerSettings few = TrainerSettings.DEFAULTS.forLabels(3);
        TrainerSettings many = TrainerSettings.DEFAULTS.forLabels(108);
        assertEquals(1.0, few.balance());
        assertEquals(TrainerSettings.MANY_LABELS_BALANCE, many.balance());
        assertEquals(1.0, TrainerSettings.DEFAULTS.forLabels(TrainerSettings.FULL_BALANCE_MAX_LABELS).balance());
        assertEquals("svm C=1.0 balanced^0.75 n-grams of 15+ outlets temperature on 2 outlet folds", many.describe());
        assertEquals("svm C=0.3 balanced outlet prototypes of 4% temperature on 5 outlet folds; above 16 labels C=1.0 "
                + "balanced^0.75 n-grams of 15+ outlets no outlet prototypes temperature on 2 outlet folds",
                TrainerSettings.DEFAULTS.describe());
        assertEquals(TrainerSettings.DEFAULT_TEMPERATURE_FOLDS, few.temperatureFolds());
        assertEquals(TrainerSettings.MANY_LABELS_TEMPERATURE_FOLDS, many.temperatureFolds(), "many labels get fewer folds");
        assertEquals(TrainerSettings.DEFAULT_PROTOTYPE_SHARE, few.prototypeShare());
        assertEquals(0, many.prototypeShare(), "many labels never use outlet prototypes");
        assertEquals(TrainerSettings.DEFAULTS.cost(), few.cost(), "few labels keep the default C");
        TrainerSettings logistic = TrainerSettings.DEFAULTS.withKind(TrainerKind.LOGISTIC).withCost(3).forLabels(108);
        assertEquals(3.0, logistic.cost(), "C for many labels was measured for the SVM only");
        assertEquals(TrainerSettings.MANY_LABELS_BALANCE, logistic.balance());
        assertEquals(many, many.forLabels(108), "resolved settings stay as they are");
        assertEquals(1, few.minOutlets(), "few labels keep every n-gram of the featurizer");
        assertEquals(TrainerSettings.MANY_LABELS_MIN_OUTLETS, many.minOutlets());
        assertEquals(1, TrainerSettings.DEFAULTS.forLabels(TrainerSettings.FULL_BALANCE_MAX_LABELS).minOutlets());
    }

    @Test
    void aSettingTheUserChoseLeavesTheOtherToTheLabelCount() {
        TrainerSettings weights = TrainerSettings.DEFAULTS.withBalance(0.5);
        assertEquals(0.5, weights.forLabels(108).balance(), "an exponent given by the user stays");
        assertEquals(TrainerSettings.MANY_LABELS_COST, weights.forLabels(108).cost(), "C is still by label count");
        assertEquals(TrainerSettings.DEFAULTS.cost(), weights.forLabels(3).cost());
        assertEquals("svm C=0.3 balanced^0.5 outlet prototypes of 4% temperature on 5 outlet folds; above 16 labels "
                + "C=1.0 n-grams of 15+ outlets no outlet prototypes temperature on 2 outlet folds", weights.describe());

        TrainerSettings cost = TrainerSettings.DEFAULTS.withCost(0.5);
        assertEquals(0.5, cost.forLabels(108).cost(), "a cost given by the user stays for every label count");
        assertEquals(TrainerSettings.MANY_LABELS_BALANCE, cost.forLabels(108).balance(),
                "the weights are still by label count");
        assertEquals(1.0, cost.forLabels(3).balance());
        assertEquals("svm C=0.5 balanced outlet prototypes of 4% temperature on 5 outlet folds; above 16 labels "
                + "balanced^0.75 n-grams of 15+ outlets no outlet prototypes temperature on 2 outlet folds", cost.describe());

        TrainerSettings all = cost.withBalance(0.25).withMinOutlets(5).withPrototypeShare(0).withTemperatureFolds(0);
        assertEquals(all, all.forLabels(108));
        assertEquals(5, all.forLabels(3).minOutlets(), "a filter holds for every label count");
        assertEquals("svm C=0.5 balanced^0.25 n-grams of 5+ outlets", all.describe());
        assertEquals("svm C=0.5 balanced^0.25", all.withMinOutlets(1).describe());

        TrainerSettings prototypes = TrainerSettings.DEFAULTS.withPrototypeShare(0.1).withTemperatureFolds(0);
        assertEquals(0.1, prototypes.forLabels(3).prototypeShare(), "a share given by the user stays for few labels");
        assertEquals(0, prototypes.forLabels(108).prototypeShare(), "and many labels still never use them");
        assertEquals("svm C=0.3 balanced outlet prototypes of 10%", prototypes.forLabels(3).describe());
        // 0.07 * 100 is 7.000000000000001 in double arithmetic; the description keeps the share as given.
        assertEquals("svm C=0.3 balanced outlet prototypes of 7%",
                prototypes.withPrototypeShare(0.07).forLabels(3).describe());
        assertEquals("svm C=0.3 balanced outlet prototypes of 3.5%",
                prototypes.withPrototypeShare(0.035).forLabels(3).describe());
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withPrototypeShare(1));
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withPrototypeShare(-0.5));

        TrainerSettings folds = TrainerSettings.DEFAULTS.withPrototypeShare(0).withTemperatureFolds(3);
        assertEquals(3, folds.forLabels(3).temperatureFolds(), "folds given by the user stay for few labels");
        assertEquals(3, folds.forLabels(108).temperatureFolds(), "and for many");
        assertEquals("svm C=0.3 balanced temperature on 3 outlet folds", folds.forLabels(3).describe());
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withTemperatureFolds(1));
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withTemperatureFolds(-2));
    }

    @Test
    void aGridWithoutCostsKeepsTheTrainersChoiceByLabelCount() {
        FeaturizerSettings fs = FeaturizerSettings.DEFAULTS;
        TrainerSettings d = TrainerSettings.DEFAULTS;
        assertEquals(List.of(d), SelectionGrid.single(fs).trainers(d), "no selection");
        assertEquals(TrainerSettings.MANY_LABELS_COST,
                SelectionGrid.single(fs).trainers(d).get(0).forLabels(108).cost(), "no selection");
        SelectionGrid one = new SelectionGrid(List.of(fs), List.of(d.cost()));
        assertEquals(d.cost(), one.trainers(d).get(0).forLabels(108).cost(), "a cost in the grid is the user's");
        SelectionGrid grid = SelectionGrid.around(fs);
        List<TrainerSettings> tried = grid.trainers(d);
        assertEquals(grid.costs().size(), tried.size());
        for (int i = 0; i < tried.size(); i++) {
            TrainerSettings at = tried.get(i).forLabels(108);
            assertEquals(grid.costs().get(i), at.cost(), "a grid's cost holds for every target");
            assertEquals(TrainerSettings.MANY_LABELS_BALANCE, at.balance());
        }
    }

    @Test
    void theExponentOutsideZeroToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withBalance(1.5));
        assertEquals("the class weights' exponent (balance) must be in [0, 1], got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withBalance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.requireExponent(TrainerSettings.BY_LABEL_COUNT),
                "a user's exponent is never the by-label-count marker");
    }

    @Test
    void settingsAndKindsNameWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withCost(0));
        assertEquals("cost (C, rate, or alpha) must be positive and finite, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withMinOutlets(-2));
        assertEquals("a model's fewest outlets per n-gram must be at least 1 (or 0 for by label count), got -2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainerKind.parse("forest"));
        assertEquals("unknown trainer 'forest' (logistic, svm, sgd-logistic, naive-bayes)", e.getMessage());
    }
}
