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
     * @return the model
     * @throws IllegalArgumentException if there are fewer than two distinct labels
     */
    public static Model<Label> train(TrainerSettings settings, Featurizer featurizer, FeatureTable table,
                                     TargetRows rows, String description) {
        if (rows.labels().stream().distinct().count() < 2) {
            throw new IllegalArgumentException("target '" + rows.target() + "' needs at least two labels in its training data, found "
                    + rows.labels().stream().distinct().toList());
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        int[] r = rows.rows();
        List<String> labels = rows.labels();
        for (int i = 0; i < r.length; i++) {
            data.add(FeatureNames.example(new Label(labels.get(i)), featurizer.weigh(table.counts(r[i]))));
        }
        return settings.build(labels).train(data);
    }
}
