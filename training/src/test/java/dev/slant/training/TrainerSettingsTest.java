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
                    ts, SelectionGrid.single(fs, cost), ScrubSettings.DEFAULTS, false, 2, 1, 1);
            TrainingOutcome o = new TrainingJob(corpus, request, Progress.NONE).run();
            double f1 = o.result().targets().get("stance").test().model().macroF1();
            assertTrue(f1 > 0.8, kind + " macro-F1 " + f1);
        }
    }

    @Test
    void balancedWeightsAreInverseToClassFrequency() {
        Map<Label, Float> w = TrainerSettings.balancedWeights(List.of("a", "a", "a", "b"));
        assertEquals(4 / (2.0 * 3), w.get(new Label("a")), 1e-6);
        assertEquals(4 / (2.0 * 1), w.get(new Label("b")), 1e-6);
    }

    @Test
    void settingsAndKindsNameWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainerSettings.DEFAULTS.withCost(0));
        assertEquals("cost (C, rate, or alpha) must be positive and finite, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainerKind.parse("forest"));
        assertEquals("unknown trainer 'forest' (logistic, svm, sgd-logistic, naive-bayes)", e.getMessage());
    }
}
