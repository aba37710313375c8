package dev.slant.inference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.features.FeatureVector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Writes small bundles of {@link Synthetic} models for tests of scoring, explanations and the CLI. */
public final class TestBundles {
    private TestBundles() {
    }

    /**
     * A bundle of three targets, each from another kind of linear model (SVM, naive Bayes, logistic regression).
     *
     * @param file     where to write it
     * @param settings the featurizer's settings
     * @return the file
     * @throws BundleException if it cannot be written
     */
    public static Path write(Path file, FeaturizerSettings settings) throws BundleException {
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        Featurizer unfitted = Featurizer.unfitted(settings, Scrubber.NONE);
        List<FeatureVector> counts = new ArrayList<>();
        training.forEach(a -> counts.add(unfitted.termCounts(a.article())));
        Featurizer featurizer = unfitted.fit(counts);
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        models.put("stance", Synthetic.train(TinyTrainers.all().get("liblinear-svm"), featurizer, training, "stance"));
        models.put("topic", Synthetic.train(TinyTrainers.all().get("naive-bayes"), featurizer, training, "topic"));
        models.put("veracity", Synthetic.train(TinyTrainers.all().get("sgd-lr"), featurizer, training, "veracity"));
        new BundleWriter().write(file, new BundleContents(featurizer, models, 1L, "0".repeat(64), 300, 0,
                JsonNodeFactory.instance.objectNode(), "card", BundleContents.DEFAULT_PRECISION));
        return file;
    }

    /**
     * {@link #write(Path, FeaturizerSettings)} with {@link Synthetic#SETTINGS}.
     *
     * @param file where to write it
     * @return the file
     * @throws BundleException if it cannot be written
     */
    public static Path write(Path file) throws BundleException {
        return write(file, Synthetic.SETTINGS);
    }
}
