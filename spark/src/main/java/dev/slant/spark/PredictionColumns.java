package dev.slant.spark;

import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a scored Dataset, named as the batch scorer names its CSV columns: {@code id}, then per target
 * {@code <target>} (the label) and {@code <target>_probability}, and optionally {@code <target>_p_<label>} for each
 * of the target's labels. An abstaining target has a null label and null probabilities.
 */
public final class PredictionColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The id column's name. */
    public static final String ID = "id";

    private final LinkedHashMap<String, List<String>> labelsByTarget;
    private final boolean labelProbabilities;

    /**
     * @param labelsByTarget     each target's labels, in the classifier's order
     * @param labelProbabilities whether to add a probability column per label
     * @throws IllegalArgumentException if there is no target
     */
    public PredictionColumns(Map<String, List<String>> labelsByTarget, boolean labelProbabilities) {
        if (labelsByTarget.isEmpty()) {
            throw new IllegalArgumentException("no target");
        }
        this.labelsByTarget = new LinkedHashMap<>();
        labelsByTarget.forEach((t, ls) -> this.labelsByTarget.put(t, List.copyOf(ls)));
        this.labelProbabilities = labelProbabilities;
    }

    /**
     * @param target a target
     * @return its probability column's name
     */
    public static String probability(String target) {
        return target + "_probability";
    }

    /**
     * @param target a target
     * @param label  one of its labels
     * @return the column of that label's probability
     */
    public static String labelProbability(String target, String label) {
        return target + "_p_" + label;
    }

    /** @return the column names, in order */
    public List<String> names() {
        return List.of(schema().fieldNames());
    }

    /** @return the schema: id string, labels string, probabilities double, all but id nullable */
    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ID, DataTypes.StringType, false));
        labelsByTarget.forEach((target, labels) -> {
            fields.add(DataTypes.createStructField(target, DataTypes.StringType, true));
            fields.add(DataTypes.createStructField(probability(target), DataTypes.DoubleType, true));
            if (labelProbabilities) {
                for (String label : labels) {
                    fields.add(DataTypes.createStructField(labelProbability(target, label), DataTypes.DoubleType, true));
                }
            }
        });
        return DataTypes.createStructType(fields);
    }

    /**
     * @param p a prediction of a classifier with these targets
     * @return its row
     */
    Row row(Prediction p) {
        List<Object> values = new ArrayList<>();
        values.add(p.articleId());
        labelsByTarget.forEach((target, labels) -> {
            TargetPrediction t = p.target(target);
            values.add(t.abstained() ? null : t.label());
            values.add(t.abstained() ? null : t.probability());
            if (labelProbabilities) {
                for (String label : labels) {
                    values.add(t.abstained() ? null : t.probabilities().get(label));
                }
            }
        });
        return RowFactory.create(values.toArray());
    }
}
