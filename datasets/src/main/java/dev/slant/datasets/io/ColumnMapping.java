package dev.slant.datasets.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns of a delimited file (or fields of a JSON object) make an article and its labels. The same
 * mapping serves CSV, TSV and JSONL; "column" means the JSON field name for JSONL.
 *
 * <p>Build one with {@link #builder()}, whose setters match the command-line options {@code --id-column},
 * {@code --title-column}, {@code --text-column}, {@code --label TARGET=COLUMN} and
 * {@code --meta KEY=COLUMN}:
 *
 * <pre>{@code
 * ColumnMapping m = ColumnMapping.builder()
 *         .idColumn("ID").titleColumn("title").textColumn("content_original")
 *         .label(LabelColumn.of("stance", "bias_text").withAllowed("left", "center", "right"))
 *         .metadata(Article.OUTLET, "source")
 *         .build();
 * }</pre>
 *
 * <p>Every reader applies the same rules to a record, in this order (the first fault found is reported):
 * <ol>
 *   <li>a mapped id, text or label column absent from the record: {@code MISSING_COLUMN} (a title or metadata
 *       column may be absent, as an optional JSON field; it reads as empty);</li>
 *   <li>bytes that were not UTF-8 in a mapped column: {@code INVALID_UTF8} (unmapped columns are not looked
 *       at);</li>
 *   <li>a blank id: {@code MALFORMED};</li>
 *   <li>a blank text: {@code EMPTY_TEXT};</li>
 *   <li>per target in order, no label: {@code EMPTY_LABEL}; a label outside the allowed set:
 *       {@code UNKNOWN_LABEL} (see {@link LabelColumn} for how labels are read);</li>
 *   <li>an id already taken by an accepted record: {@code DUPLICATE_ID}.</li>
 * </ol>
 * Titles, texts and metadata are kept exactly as read (no trimming); empty metadata values are left out.
 *
 * @param idColumn        the id column; empty to number the records instead (record 1 has id "1")
 * @param titleColumn     the title column; empty for articles without titles
 * @param textColumn      the body-text column
 * @param labels          the targets read from columns, in order; target names distinct
 * @param constantLabels  targets whose label is the same for the whole file (ISOT's veracity "true" or "fake",
 *                        told by the file's name), target to label; targets distinct from those of {@code labels}
 * @param metadataColumns metadata key ({@link dev.slant.datasets.Article#OUTLET}, ...) to column, in order
 */
public record ColumnMapping(Optional<String> idColumn, Optional<String> titleColumn, String textColumn,
        List<LabelColumn> labels, Map<String, String> constantLabels, Map<String, String> metadataColumns) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a column, target or key is blank, a target is given twice, or a
     *                                  constant label is blank or padded with spaces
     * @throws NullPointerException     if an argument is null
     */
    public ColumnMapping {
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(titleColumn, "titleColumn");
        idColumn.ifPresent(c -> requireName(c, "id column"));
        titleColumn.ifPresent(c -> requireName(c, "title column"));
        requireName(textColumn, "text column");
        labels = List.copyOf(labels);
        Set<String> targets = new LinkedHashSet<>();
        for (LabelColumn label : labels) {
            if (!targets.add(label.target())) {
                throw new IllegalArgumentException("target '" + label.target() + "' is mapped twice");
            }
        }
        for (Map.Entry<String, String> e : constantLabels.entrySet()) {
            requireName(e.getKey(), "target name");
            if (!targets.add(e.getKey())) {
                throw new IllegalArgumentException("target '" + e.getKey()
                        + "' is mapped twice (a column and a constant label)");
            }
            String label = Objects.requireNonNull(e.getValue(), "constant label");
            if (label.isBlank() || !label.strip().equals(label)) {
                throw new IllegalArgumentException("target '" + e.getKey() + "': constant label '" + label
                        + "' is blank or has spaces around it");
            }
        }
        for (Map.Entry<String, String> e : metadataColumns.entrySet()) {
            requireName(e.getKey(), "metadata key");
            requireName(e.getValue(), "column of metadata key '" + e.getKey() + "'");
        }
        constantLabels = Collections.unmodifiableMap(new LinkedHashMap<>(constantLabels));
        metadataColumns = Collections.unmodifiableMap(new LinkedHashMap<>(metadataColumns));
    }

    /** @return a builder with no columns set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param target the target's name
     * @param label  the label every article of the file gets
     * @return a copy with that constant label added
     * @throws IllegalArgumentException if the target is already mapped or the label is blank
     */
    public ColumnMapping withConstantLabel(String target, String label) {
        Map<String, String> constants = new LinkedHashMap<>(constantLabels);
        if (constants.containsKey(target)) {
            throw new IllegalArgumentException("target '" + target + "' is mapped twice");
        }
        constants.put(target, label);
        return new ColumnMapping(idColumn, titleColumn, textColumn, labels, constants, metadataColumns);
    }

    /**
     * @return a copy that reads the article alone (id, title, text, metadata): no label is read or required, as
     *         scoring needs none
     */
    public ColumnMapping articleOnly() {
        return new ColumnMapping(idColumn, titleColumn, textColumn, List.of(), Map.of(), metadataColumns);
    }

    /**
     * @return every target, those read from columns first, then the constant ones, each in the order given
     */
    public List<String> targets() {
        List<String> targets = new ArrayList<>();
        labels.forEach(l -> targets.add(l.target()));
        targets.addAll(constantLabels.keySet());
        return targets;
    }

    /**
     * @return every column the mapping reads, each once: id, title, text, label columns, metadata columns
     */
    public List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        idColumn.ifPresent(columns::add);
        titleColumn.ifPresent(columns::add);
        columns.add(textColumn);
        labels.forEach(l -> columns.add(l.column()));
        columns.addAll(metadataColumns.values());
        return List.copyOf(columns);
    }

    static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank " + what);
        }
    }

    /**
     * Splits {@code KEY=VALUE} at the first '='.
     *
     * @return the two parts, both not blank
     * @throws IllegalArgumentException if the spec is not of that form
     */
    static String[] splitSpec(String spec, String what, String form, String example) {
        Objects.requireNonNull(spec, what);
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1 || spec.substring(0, eq).isBlank()
                || spec.substring(eq + 1).isBlank()) {
            throw new IllegalArgumentException("bad " + what + " '" + spec + "': expected " + form
                    + ", for example " + example);
        }
        return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
    }

    /** Collects the parts of a {@link ColumnMapping}; {@link #build()} validates them. */
    public static final class Builder {
        private String idColumn;
        private String titleColumn;
        private String textColumn;
        private final List<LabelColumn> labels = new ArrayList<>();
        private final Map<String, String> constantLabels = new LinkedHashMap<>();
        private final Map<String, String> metadataColumns = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param column the id column, or null to number the records
         * @return this builder
         */
        public Builder idColumn(String column) {
            this.idColumn = column;
            return this;
        }

        /**
         * @param column the title column, or null for no titles
         * @return this builder
         */
        public Builder titleColumn(String column) {
            this.titleColumn = column;
            return this;
        }

        /**
         * @param column the body-text column (required before {@link #build()})
         * @return this builder
         */
        public Builder textColumn(String column) {
            this.textColumn = column;
            return this;
        }

        /**
         * @param label a target read from a column
         * @return this builder
         */
        public Builder label(LabelColumn label) {
            labels.add(Objects.requireNonNull(label, "label"));
            return this;
        }

        /**
         * @param target the target's name
         * @param column the column holding its label
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder label(String target, String column) {
            return label(LabelColumn.of(target, column));
        }

        /**
         * @param spec {@code TARGET=COLUMN}, as given to {@code --label}
         * @return this builder
         * @throws IllegalArgumentException if the spec is not of that form
         */
        public Builder labelSpec(String spec) {
            return label(LabelColumn.parse(spec));
        }

        /**
         * @param target the target's name
         * @param label  the label of every article of the file
         * @return this builder
         */
        public Builder constantLabel(String target, String label) {
            constantLabels.put(target, label);
            return this;
        }

        /**
         * @param key    the metadata key ({@link dev.slant.datasets.Article#OUTLET}, ...)
         * @param column the column holding it
         * @return this builder
         */
        public Builder metadata(String key, String column) {
            metadataColumns.put(key, column);
            return this;
        }

        /**
         * @param spec {@code KEY=COLUMN}, as given to {@code --meta}
         * @return this builder
         * @throws IllegalArgumentException if the spec is not of that form
         */
        public Builder metadataSpec(String spec) {
            String[] parts = splitSpec(spec, "metadata", "KEY=COLUMN", "outlet=source");
            return metadata(parts[0], parts[1]);
        }

        /**
         * @return the mapping
         * @throws IllegalArgumentException if no text column was given or a part is invalid
         */
        public ColumnMapping build() {
            if (textColumn == null) {
                throw new IllegalArgumentException("no text column given");
            }
            return new ColumnMapping(Optional.ofNullable(idColumn), Optional.ofNullable(titleColumn), textColumn,
                    labels, constantLabels, metadataColumns);
        }
    }
}
