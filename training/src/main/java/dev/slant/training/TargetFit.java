package dev.slant.training;

import dev.slant.datasets.Target;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.score.LinearScorer;
import java.util.List;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * One target's trained model and how it did.
 *
 * @param target    the target
 * @param labels    its labels, in evaluation order
 * @param trainer   the trainer settings used (chosen on the valid part when a grid was tried)
 * @param model     the Tribuo model
 * @param scorer    the fast scorer made from it
 * @param majority  the majority baseline of the training labels
 * @param trainRows how many articles it was trained on
 * @param featureless training articles left out because the featurizer kept none of their n-grams
 * @param valid     evaluation on the valid part, or null when there is none
 * @param test      evaluation on the test part, or null when there is none
 */
public record TargetFit(Target target, List<String> labels, TrainerSettings trainer, Model<Label> model,
                        LinearScorer scorer, MajorityBaseline majority, int trainRows, int featureless, TargetEvaluation valid,
                        TargetEvaluation test) {
    /** Validates. @throws NullPointerException if a required part is null */
    public TargetFit {
        Objects.requireNonNull(target, "target");
        labels = List.copyOf(labels);
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(majority, "majority");
    }
}
