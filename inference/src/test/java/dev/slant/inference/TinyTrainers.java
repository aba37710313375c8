package dev.slant.inference;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.math.optimisers.AdaGrad;

/** Every trainer the training module may use, configured small and seeded. */
public final class TinyTrainers {
    /** Seed of every trainer. */
    public static final long SEED = 42L;

    private TinyTrainers() {
    }

    /** @return the trainers by a short name, in a fixed order */
    public static Map<String, Trainer<Label>> all() {
        Map<String, Trainer<Label>> m = new LinkedHashMap<>();
        m.put("liblinear-lr", new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1000, 0.01, SEED));
        m.put("liblinear-svm", new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL), 1.0, 1000, 0.1, SEED));
        m.put("sgd-lr", new LogisticRegressionTrainer());
        m.put("sgd-hinge", new LinearSGDTrainer(new Hinge(), new AdaGrad(0.5), 5, 1000, SEED));
        m.put("naive-bayes", new MultinomialNaiveBayesTrainer());
        return m;
    }
}
