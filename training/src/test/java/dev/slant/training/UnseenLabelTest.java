package dev.slant.training;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import dev.slant.datasets.Target;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.inference.eval.ClassFigures;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.features.FeaturizerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A label that only the test part carries is an error of the model, counted, not a crash of the run. */
class UnseenLabelTest {
    /** The first 240 articles train, the rest test. */
    private static Map<String, Part> trainThenTest(List<LabelledArticle> articles) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            parts.put(articles.get(i).id(), i < 240 ? Part.TRAIN : Part.TEST);
        }
        return parts;
    }

    @Test
    void aTestLabelTrainingNeverSawIsCountedAsAnErrorAndLeftOutOfNothing() throws Exception {
        List<LabelledArticle> articles = new ArrayList<>(new SyntheticCorpus(300, 3).load().articles());
        Map<String, Part> parts = trainThenTest(articles);
        // Three test articles get a topic that no training article has.
        for (int i = 240; i < 243; i++) {
            LabelledArticle a = articles.get(i);
            articles.set(i, new LabelledArticle(a.article(), Labels.single(Map.of("stance", a.labels().get("stance").get(),
                    "topic", "trade"))));
        }
        Target topic = Target.named("topic");
        FeaturizerSettings fs = FeaturizerSettings.DEFAULTS.withBuckets(1 << 14).withMinOutlets(1);
        TrainingRun run = new TrainingRun(articles, List.of(topic), ScrubSettings.DEFAULTS, TrainerSettings.DEFAULTS,
                SelectionGrid.single(fs), 1, Progress.NONE);
        TargetEvaluation test = run.run(new Split("handmade", parts)).targets().get("topic").test();

        assertEquals(List.of("economy", "environment", "trade"), test.labels());
        ClassFigures trade = test.model().perClass().get(2);
        assertEquals(3, trade.support());
        assertEquals(0, trade.predicted());
        assertEquals(0.0, trade.recall());
        assertEquals(60, test.model().articles());
        assertTrue(test.model().accuracy() <= 57 / 60.0, "the three unseen-label articles cannot be right");
    }

    @Test
    void anOrdinalTargetWithALabelOffItsScaleHasNoMae() throws Exception {
        List<LabelledArticle> articles = new ArrayList<>(new SyntheticCorpus(300, 3).load().articles());
        Map<String, Part> parts = trainThenTest(articles);
        Target stance = new Target("stance", List.of("left", "center", "right"), true, false);
        FeaturizerSettings fs = FeaturizerSettings.DEFAULTS.withBuckets(1 << 14).withMinOutlets(1);
        TrainingRun run = new TrainingRun(articles, List.of(stance), ScrubSettings.DEFAULTS, TrainerSettings.DEFAULTS,
                SelectionGrid.single(fs), 1, Progress.NONE);
        TargetEvaluation onScale = run.run(new Split("handmade", parts)).targets().get("stance").test();
        assertEquals(List.of("left", "center", "right"), onScale.labels());
        assertTrue(onScale.model().mae().isPresent(), "the declared scale measures distances");

        LabelledArticle a = articles.get(250);
        articles.set(250, new LabelledArticle(a.article(), Labels.single(Map.of("stance", "undecided",
                "topic", a.labels().get("topic").get()))));
        run = new TrainingRun(articles, List.of(stance), ScrubSettings.DEFAULTS, TrainerSettings.DEFAULTS,
                SelectionGrid.single(fs), 1, Progress.NONE);
        TargetEvaluation offScale = run.run(new Split("handmade", parts)).targets().get("stance").test();
        assertEquals(List.of("center", "left", "right", "undecided"), offScale.labels());
        assertTrue(offScale.model().mae().isEmpty(), "sorted labels are no scale: MAE is not measured");
    }
}
