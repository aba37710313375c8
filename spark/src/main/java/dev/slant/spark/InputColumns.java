package dev.slant.spark;

import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.LabelColumn;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link ColumnMapping} resolved against a Dataset's schema: the position of every mapped column, in a form
 * that ships to executors. Spark rows have no record numbers, so an id column is required.
 */
public final class InputColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String idColumn;
    private final int id;
    private final String titleColumn;
    private final int title;
    private final String textColumn;
    private final int text;
    private final String[] metadataKeys;
    private final int[] metadata;
    private final String[] labelTargets;
    private final String[] labelColumns;
    private final int[] labels;
    private final String[][] allowed;

    private InputColumns(ColumnMapping mapping, StructType schema) {
        this.idColumn = mapping.idColumn().orElseThrow(() -> new IllegalArgumentException(
                "an id column is required on Spark (rows have no record numbers): give --id-column"));
        this.id = index(schema, idColumn, "id");
        this.titleColumn = mapping.titleColumn().orElse(null);
        this.title = titleColumn == null ? -1 : index(schema, titleColumn, "title");
        this.textColumn = mapping.textColumn();
        this.text = index(schema, textColumn, "text");
        this.metadataKeys = mapping.metadataColumns().keySet().toArray(String[]::new);
        this.metadata = new int[metadataKeys.length];
        int m = 0;
        for (Map.Entry<String, String> e : mapping.metadataColumns().entrySet()) {
            metadata[m++] = index(schema, e.getValue(), "metadata '" + e.getKey() + "'");
        }
        List<LabelColumn> ls = mapping.labels();
        this.labelTargets = new String[ls.size()];
        this.labelColumns = new String[ls.size()];
        this.labels = new int[ls.size()];
        this.allowed = new String[ls.size()][];
        for (int i = 0; i < ls.size(); i++) {
            LabelColumn l = ls.get(i);
            if (l.multiValued()) {
                throw new IllegalArgumentException("target '" + l.target() + "' has several labels a row; Slant on Spark "
                        + "evaluates single-label targets only");
            }
            labelTargets[i] = l.target();
            labelColumns[i] = l.column();
            labels[i] = index(schema, l.column(), "label of '" + l.target() + "'");
            allowed[i] = l.allowed().toArray(String[]::new);
        }
        if (!mapping.constantLabels().isEmpty()) {
            throw new IllegalArgumentException("constant labels are not supported on Spark: map a label column");
        }
    }

    /**
     * Resolves a mapping against a schema.
     *
     * @param mapping the column mapping, as the command line's {@code --id-column}, {@code --title-column},
     *                {@code --text-column}, {@code --meta} and {@code --label} make it
     * @param schema  the input's schema
     * @return the resolved columns
     * @throws IllegalArgumentException if the mapping has no id column, maps a column the schema lacks (the
     *                                  message lists the columns there are), or has constant or multi-valued labels
     */
    public static InputColumns resolve(ColumnMapping mapping, StructType schema) {
        return new InputColumns(Objects.requireNonNull(mapping, "mapping"), Objects.requireNonNull(schema, "schema"));
    }

    private static int index(StructType schema, String column, String what) {
        List<String> names = Arrays.asList(schema.fieldNames());
        int i = names.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("the input has no column '" + column + "' (the " + what
                    + " column); its columns are " + names);
        }
        return i;
    }

    String idColumn() {
        return idColumn;
    }

    int id() {
        return id;
    }

    String titleColumn() {
        return titleColumn;
    }

    int title() {
        return title;
    }

    String textColumn() {
        return textColumn;
    }

    int text() {
        return text;
    }

    String[] metadataKeys() {
        return metadataKeys;
    }

    int[] metadata() {
        return metadata;
    }

    /** @return the targets read from label columns, in order */
    public List<String> labelTargets() {
        return List.of(labelTargets);
    }

    String labelColumn(int i) {
        return labelColumns[i];
    }

    int label(int i) {
        return labels[i];
    }

    List<String> allowed(int i) {
        return new ArrayList<>(Arrays.asList(allowed[i]));
    }
}
