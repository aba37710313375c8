package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The columns of a written article file: {@code id}, {@code title}, {@code text}, then one column per metadata
 * key, then one per target, each named as the key or target. A target's labels are joined with
 * {@link #LABEL_SEPARATOR}. Metadata keys and targets outside the layout are not written; a missing value is
 * written empty.
 *
 * @param metadataKeys the metadata keys written, in order
 * @param targets      the targets written, in order
 */
public record ArticleLayout(List<String> metadataKeys, List<String> targets) {
    /** The id column. */
    public static final String ID = "id";
    /** The title column. */
    public static final String TITLE = "title";
    /** The text column. */
    public static final String TEXT = "text";
    /** Joins the labels of a multi-valued target in one field; a label containing it cannot be written. */
    public static final String LABEL_SEPARATOR = "|";

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a name is blank or two columns would have the same name
     * @throws NullPointerException     if an argument is null
     */
    public ArticleLayout {
        metadataKeys = List.copyOf(metadataKeys);
        targets = List.copyOf(targets);
        Set<String> names = new LinkedHashSet<>(List.of(ID, TITLE, TEXT));
        for (String name : concat(metadataKeys, targets)) {
            ColumnMapping.requireName(name, "column name");
            if (!names.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' would be written twice");
            }
        }
    }

    /**
     * The layout that writes everything a mapping reads.
     *
     * @param mapping a reading mapping
     * @return its metadata keys and targets
     */
    public static ArticleLayout of(ColumnMapping mapping) {
        return new ArticleLayout(List.copyOf(mapping.metadataColumns().keySet()), mapping.targets());
    }

    /** @return every column name, in the order written */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(ID, TITLE, TEXT));
        columns.addAll(metadataKeys);
        columns.addAll(targets);
        return columns;
    }

    /**
     * The mapping that reads a file written with this layout back into the same articles.
     *
     * @return the mapping
     */
    public ColumnMapping readingMapping() {
        ColumnMapping.Builder b = ColumnMapping.builder().idColumn(ID).titleColumn(TITLE).textColumn(TEXT);
        metadataKeys.forEach(key -> b.metadata(key, key));
        targets.forEach(target -> b.label(LabelColumn.of(target, target).withSeparator(LABEL_SEPARATOR)));
        return b.build();
    }

    /**
     * One article's values, in the order of {@link #columns()}.
     *
     * @param article the article
     * @return its values, missing ones empty
     * @throws IllegalArgumentException if a label contains {@link #LABEL_SEPARATOR}
     */
    public List<String> values(LabelledArticle article) {
        Objects.requireNonNull(article, "article");
        List<String> values = new ArrayList<>(3 + metadataKeys.size() + targets.size());
        values.add(article.id());
        values.add(article.article().title());
        values.add(article.article().text());
        for (String key : metadataKeys) {
            values.add(article.article().metadata().getOrDefault(key, ""));
        }
        for (String target : targets) {
            List<String> labels = article.labels().all(target);
            for (String label : labels) {
                if (label.contains(LABEL_SEPARATOR)) {
                    throw new IllegalArgumentException("article '" + article.id() + "': " + target + " label '"
                            + label + "' contains the label separator '" + LABEL_SEPARATOR + "'");
                }
            }
            values.add(String.join(LABEL_SEPARATOR, labels));
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
