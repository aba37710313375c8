package dev.slant.datasets.io;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the fields of one record into a labelled article by a {@link ColumnMapping}, or says what is wrong with
 * it, by the rules listed there. {@link #assemble} applies every rule but the last (an id already taken) and may run
 * on any thread; {@link #claimId} applies that one, in input order, on one thread: it holds the ids of the accepted
 * records, the only state that grows with the file.
 */
final class ArticleAssembler {

    /** The fields of one record. */
    interface Fields {
        /**
         * @param column a column the mapping reads
         * @return its value, empty for JSON null, or null when the record has no such column
         */
        String get(String column);
    }

    /**
     * The outcome for one record: an article, or the column, reason and detail of its fault.
     *
     * @param article the article, or null
     * @param column  the faulty column ("" when not one column)
     * @param reason  the fault, or null
     * @param detail  the detail of the fault
     */
    record Outcome(LabelledArticle article, String column, RecordProblem.Reason reason, String detail) {
        static Outcome fault(String column, RecordProblem.Reason reason, String detail) {
            return new Outcome(null, column, reason, detail);
        }

        /**
         * @return the fault as a problem
         */
        RecordProblem problem(String file, long recordNumber, long line) {
            return new RecordProblem(file, recordNumber, line, column, reason, detail);
        }
    }

    private final ColumnMapping mapping;
    private final List<String> columns;
    private final Set<String> requiredColumns = new HashSet<>();
    private final List<LabelColumn> labelColumns;
    /** The split pattern of each label column, in the same order; null for a single-valued target. */
    private final List<Pattern> separators = new ArrayList<>();
    private final Map<String, Long> recordById = new HashMap<>();

    ArticleAssembler(ColumnMapping mapping) {
        this.mapping = mapping;
        this.columns = mapping.columns();
        mapping.idColumn().ifPresent(requiredColumns::add);
        requiredColumns.add(mapping.textColumn());
        this.labelColumns = mapping.labels();
        for (LabelColumn label : labelColumns) {
            requiredColumns.add(label.column());
            separators.add(label.separator().map(s -> Pattern.compile(Pattern.quote(s))).orElse(null));
        }
    }

    /**
     * @param fields       the record's fields
     * @param recordNumber its 1-based number, the id when the mapping has no id column
     * @return the article or the fault
     */
    Outcome assemble(Fields fields, long recordNumber) {
        for (String column : columns) {
            String value = fields.get(column);
            if (value == null) {
                if (requiredColumns.contains(column)) {
                    return Outcome.fault(column, RecordProblem.Reason.MISSING_COLUMN, "the record has no such field");
                }
                continue;
            }
            int bad = TextInput.indexOfInvalidUtf8(value);
            if (bad >= 0) {
                return Outcome.fault(column, RecordProblem.Reason.INVALID_UTF8,
                        "bytes that are not UTF-8 at character " + (bad + 1) + " of the field");
            }
        }
        String id;
        if (mapping.idColumn().isPresent()) {
            id = fields.get(mapping.idColumn().get());
            if (id.isBlank()) {
                return Outcome.fault(mapping.idColumn().get(), RecordProblem.Reason.MALFORMED, "empty id");
            }
        } else {
            id = Long.toString(recordNumber);
        }
        String text = fields.get(mapping.textColumn());
        if (text.isBlank()) {
            return Outcome.fault(mapping.textColumn(), RecordProblem.Reason.EMPTY_TEXT, "");
        }
        String title = mapping.titleColumn().map(fields::get).orElse(null);

        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelColumns.size(); i++) {
            LabelColumn label = labelColumns.get(i);
            List<String> values = labelValues(label, separators.get(i), fields.get(label.column()));
            if (values.isEmpty()) {
                return Outcome.fault(label.column(), RecordProblem.Reason.EMPTY_LABEL,
                        "no " + label.target() + " label");
            }
            for (String value : values) {
                if (!label.allowed().isEmpty() && !label.allowed().contains(value)) {
                    return Outcome.fault(label.column(), RecordProblem.Reason.UNKNOWN_LABEL, "'" + value
                            + "' is not a " + label.target() + " label (" + String.join(", ", label.allowed()) + ")");
                }
            }
            labels.put(label.target(), values);
        }
        mapping.constantLabels().forEach((target, value) -> labels.put(target, List.of(value)));

        Map<String, String> metadata = new HashMap<>();
        mapping.metadataColumns().forEach((key, column) -> {
            String value = fields.get(column);
            if (value != null && !value.isEmpty()) {
                metadata.put(key, value);
            }
        });

        Article article = new Article(id, title == null ? "" : title, text, metadata);
        return new Outcome(new LabelledArticle(article, new Labels(labels)), "", null, "");
    }

    /**
     * Takes an accepted article's id, the last rule: an id may be taken once. Call it in input order.
     *
     * @param article      an article {@link #assemble} accepted
     * @param recordNumber its record's number
     * @return null if the id was free, else the fault (the id is kept by the record that took it first)
     */
    Outcome claimId(LabelledArticle article, long recordNumber) {
        if (mapping.idColumn().isEmpty()) {
            return null;
        }
        Long first = recordById.putIfAbsent(article.id(), recordNumber);
        if (first == null) {
            return null;
        }
        return Outcome.fault(mapping.idColumn().get(), RecordProblem.Reason.DUPLICATE_ID,
                "'" + article.id() + "' is also the id of record " + first);
    }

    /** @return the mapping */
    ColumnMapping mapping() {
        return mapping;
    }

    private static List<String> labelValues(LabelColumn label, Pattern separator, String raw) {
        String[] parts = separator == null ? new String[] {raw} : separator.split(raw, -1);
        Set<String> values = new LinkedHashSet<>();
        for (String part : parts) {
            String value = part.strip();
            if (!value.isEmpty()) {
                values.add(label.valueMap().getOrDefault(value, value));
            }
        }
        return new ArrayList<>(values);
    }
}
