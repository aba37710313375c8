package dev.slant.training;

import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains one Tribuo model on rows of a {@link FeatureTable}, weighed by a fitted featurizer. */
public final class ModelFitter {
    private static final LabelFactory LABELS = new LabelFactory();

    private ModelFitter() {
    }

    /**
     * Trains a model.
     *
     * @param settings    the trainer's settings
     * @param featurizer  the fitted featurizer (idf fitted on the training rows)
     * @param table       the term counts
     * @param rows        the training rows and their labels
     * @param description what the data is, for Tribuo's provenance (corpus, split, part)
     * @return the model, and how many training articles had no feature left (they are left out of training:
     *         every n-gram they hold was dropped, for example by the outlet filter)
     * @throws IllegalArgumentException if there are fewer than two distinct labels, or no article has a feature
     */
    public static Fitted train(TrainerSettings settings, Featurizer featurizer, FeatureTable table,
                                     TargetRows rows, String description) {
        return train(settings, featurizer, table, rows, description, 1);
    }

    /**
     * Trains one model on several threads where the trainer can use them (LibLinear's one-vs-rest problems).
     *
     * @param settings    the trainer settings
     * @param featurizer  the fitted featurizer
     * @param table       the term counts of the corpus
     * @param rows        the training rows and their labels
     * @param description what the data is, for Tribuo's provenance (corpus, split, part)
     * @param threads     threads, 1 or more
     * @return the model, and how many training articles had no feature left
     * @throws IllegalArgumentException if there are fewer than two distinct labels, no article has a feature, or
     *                                  threads is below 1
     */
    public static Fitted train(TrainerSettings settings, Featurizer featurizer, FeatureTable table,
                               TargetRows rows, String description, int threads) {
        if (rows.labels().stream().distinct().count() < 2) {
            throw new IllegalArgumentException("target '" + rows.target() + "' needs at least two labels in its training data, found "
                    + rows.labels().stream().distinct().toList());
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        int[] r = rows.rows();
        List<String> labels = rows.labels();
        int featureless = 0;
        for (int i = 0; i < r.length; i++) {
            var v = featurizer.weigh(table.counts(r[i]));
            if (v.size() == 0) {
                featureless++;
                continue;
            }
            data.add(FeatureNames.example(new Label(labels.get(i)), v));
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("no training article of target '" + rows.target() + "' has a feature left ("
                    + r.length + " articles); the featurizer dropped every n-gram: lower --min-outlets (now "
                    + featurizer.settings().minOutlets() + ") or min_df for small training data");
        }
        return new Fitted(settings.build(labels, threads).train(data), featureless);
    }

    /**
     * A trained model.
     *
     * @param model       the model
     * @param featureless training articles left out because no feature of theirs was kept
     */
    public record Fitted(Model<Label> model, int featureless) {
    }
}
