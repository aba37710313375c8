package dev.slant.spark;

import dev.slant.datasets.Article;
import dev.slant.datasets.io.RecordProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One input row read as the datasets readers read a record ({@link dev.slant.datasets.io.ColumnMapping}'s rules):
 * an article with its gold labels, or the reason it is skipped. Titles, texts and metadata are kept exactly as
 * read; empty metadata values are left out.
 *
 * @param article the article, null when the row is bad
 * @param gold    the gold label of each label column, in {@link InputColumns#labelTargets()} order; empty when
 *                labels were not asked for
 * @param reason  why the row is skipped, null when it is good
 * @param column  the column at fault, "" for a good row
 * @param detail  the fault's detail
 */
record RowOutcome(Article article, List<String> gold, RecordProblem.Reason reason, String column, String detail) {

    private static RowOutcome fault(RecordProblem.Reason reason, String column, String detail) {
        return new RowOutcome(null, List.of(), reason, column, detail);
    }

    /** @return true if the row is skipped */
    boolean bad() {
        return reason != null;
    }

    /**
     * Reads one row.
     *
     * @param row        the row
     * @param columns    the resolved mapping
     * @param withLabels whether gold labels are read and checked (evaluation) or ignored (scoring)
     * @return the outcome
     */
    static RowOutcome of(Row row, InputColumns columns, boolean withLabels) {
        String id = string(row, columns.id());
        if (id == null || id.isBlank()) {
            return fault(RecordProblem.Reason.MALFORMED, columns.idColumn(), id == null ? "no id" : "empty id");
        }
        String text = string(row, columns.text());
        if (text == null || text.isBlank()) {
            return fault(RecordProblem.Reason.EMPTY_TEXT, columns.textColumn(), "");
        }
        String[] gold = new String[withLabels ? columns.labelTargets().size() : 0];
        for (int i = 0; i < gold.length; i++) {
            String target = columns.labelTargets().get(i);
            String raw = string(row, columns.label(i));
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                return fault(RecordProblem.Reason.EMPTY_LABEL, columns.labelColumn(i), "no " + target + " label");
            }
            List<String> allowed = columns.allowed(i);
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                return fault(RecordProblem.Reason.UNKNOWN_LABEL, columns.labelColumn(i),
                        "'" + value + "' is not a " + target + " label (" + String.join(", ", allowed) + ")");
            }
            gold[i] = value;
        }
        String title = columns.title() < 0 ? null : string(row, columns.title());
        Map<String, String> metadata = new HashMap<>();
        for (int m = 0; m < columns.metadata().length; m++) {
            String value = string(row, columns.metadata()[m]);
            if (value != null && !value.isEmpty()) {
                metadata.put(columns.metadataKeys()[m], value);
            }
        }
        return new RowOutcome(new Article(id, title == null ? "" : title, text, metadata), List.of(gold), null, "", "");
    }

    /**
     * @param row     the row
     * @param columns the resolved mapping
     * @param where   where the row came from, for example its file
     * @return the one-line message naming the row, its column and the fault
     */
    String message(Row row, InputColumns columns, String where) {
        String id = string(row, columns.id());
        StringBuilder sb = new StringBuilder(where);
        sb.append(": row ").append(id == null || id.isBlank() ? "without id" : "with id '" + id + "'");
        String title = columns.title() < 0 ? null : string(row, columns.title());
        if ((id == null || id.isBlank()) && title != null && !title.isBlank()) {
            sb.append(" (title '").append(title.length() > 60 ? title.substring(0, 60) + "..." : title).append("')");
        }
        sb.append(", column '").append(column).append("': ").append(reason.text());
        if (!detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    static String string(Row row, int i) {
        Object v = row.get(i);
        return v == null ? null : v instanceof String s ? s : v.toString();
    }
}
