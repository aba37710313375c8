package dev.slant.inference;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.model.FeatureNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Small synthetic labelled articles for tests: each label of each target has its own cue words, mixed with
 * words every label shares, so that tiny models learn something and every code path gets real weights.
 */
public final class Synthetic {
    /** Targets and their labels, in order; "veracity" is binary, the binary path of LibLinear. */
    public static final Map<String, List<String>> TARGETS = targets();
    /** Small featurizer settings: word 1-2 grams into 2^12 buckets, min_df 2. */
    public static final FeaturizerSettings SETTINGS = FeaturizerSettings.DEFAULTS.withBuckets(1 << 12);

    private static final int SHARED_WORDS = 150;
    private static final int CUES_PER_LABEL = 8;

    private Synthetic() {
    }

    private static Map<String, List<String>> targets() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("stance", List.of("left", "center", "right"));
        m.put("topic", List.of("economy", "health", "immigration", "defense"));
        m.put("veracity", List.of("true", "fake"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A letters-only word (the default featurizer drops tokens with digits).
     *
     * @param prefix a few letters
     * @param i      a number
     * @return the word
     */
    static String word(String prefix, int i) {
        StringBuilder sb = new StringBuilder(prefix);
        do {
            sb.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return sb.toString();
    }

    /**
     * Labelled articles.
     *
     * @param n    how many
     * @param seed the random seed
     * @return the articles, with one label per target
     */
    public static List<LabelledArticle> articles(int n, long seed) {
        Random random = new Random(seed);
        List<LabelledArticle> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, String> labels = new LinkedHashMap<>();
            StringBuilder text = new StringBuilder();
            StringBuilder title = new StringBuilder();
            for (Map.Entry<String, List<String>> t : TARGETS.entrySet()) {
                String label = t.getValue().get(random.nextInt(t.getValue().size()));
                labels.put(t.getKey(), label);
                for (int k = 0; k < 5; k++) {
                    text.append(word(label, random.nextInt(CUES_PER_LABEL))).append(' ');
                }
                title.append(word(label, random.nextInt(CUES_PER_LABEL))).append(' ');
            }
            for (int k = 0; k < 25; k++) {
                text.append(word("sh", random.nextInt(SHARED_WORDS))).append(random.nextInt(10) == 0 ? ". " : " ");
            }
            Article a = Article.of("a" + i, title.toString().trim(), text.toString().trim());
            out.add(new LabelledArticle(a, Labels.single(labels)));
        }
        return out;
    }

    /**
     * A featurizer fitted on the articles' term counts.
     *
     * @param training training articles
     * @return the fitted featurizer (scrubbing with {@link Scrubber#NONE})
     */
    public static Featurizer featurizer(List<LabelledArticle> training) {
        Featurizer unfitted = Featurizer.unfitted(SETTINGS, Scrubber.NONE);
        List<FeatureVector> counts = new ArrayList<>();
        for (LabelledArticle a : training) {
            counts.add(unfitted.termCounts(a.article()));
        }
        return unfitted.fit(counts);
    }

    /**
     * Trains one target's model.
     *
     * @param trainer    the trainer
     * @param featurizer the fitted featurizer
     * @param training   training articles
     * @param target     the target
     * @return the model
     */
    public static Model<Label> train(Trainer<Label> trainer, Featurizer featurizer, List<LabelledArticle> training, String target) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic " + target,
                java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"), new LabelFactory()), new LabelFactory());
        for (LabelledArticle a : training) {
            Example<Label> e = FeatureNames.example(new Label(a.labels().get(target).orElseThrow()), featurizer.featurize(a.article()));
            data.add(e);
        }
        return trainer.train(data);
    }
}
