package dev.slant.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.features.Featurizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** A tiny bundle of stance (SVM) and topic (logistic regression) trained on synthetic articles, made once per JVM. */
final class TinyModel {
    /** The model card the tests' servers show. */
    static final String CARD = "# Tiny model card\n\nFor tests: **synthetic** articles, `seed 7`.\n";

    private static SlantClassifier slant;
    private static List<Article> unseen;

    private TinyModel() {
    }

    /** @return the classifier */
    static synchronized SlantClassifier classifier() {
        if (slant == null) {
            try {
                Path dir = Files.createTempDirectory("slant-tiny-");
                List<LabelledArticle> training = Synthetic.articles(300, 1);
                Featurizer featurizer = Synthetic.featurizer(training);
                Map<String, Model<Label>> models = new LinkedHashMap<>();
                models.put("stance", Synthetic.train(TinyTrainers.all().get("liblinear-svm"), featurizer, training, "stance"));
                models.put("topic", Synthetic.train(TinyTrainers.all().get("sgd-lr"), featurizer, training, "topic"));
                ObjectNode metrics = JsonNodeFactory.instance.objectNode();
                metrics.putObject("test").put("macroF1", 0.7);
                Path file = dir.resolve("tiny.slant");
                new BundleWriter().write(file, new BundleContents(featurizer, models, 7L, "0".repeat(64), 300, 2, metrics,
                        CARD, BundleContents.DEFAULT_PRECISION));
                slant = SlantClassifier.load(file);
                Files.delete(file);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (dev.slant.inference.bundle.BundleException e) {
                throw new IllegalStateException(e);
            }
        }
        return slant;
    }

    /** @return 200 articles the model was not trained on (seed 3) */
    static synchronized List<Article> unseen() {
        if (unseen == null) {
            List<Article> out = new ArrayList<>();
            for (LabelledArticle a : Synthetic.articles(200, 3)) {
                out.add(a.article());
            }
            unseen = List.copyOf(out);
        }
        return unseen;
    }
}
