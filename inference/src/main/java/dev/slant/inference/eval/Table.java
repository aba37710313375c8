package dev.slant.inference.eval;

import java.util.List;
import java.util.Objects;

/**
 * A table of a report, rendered as plain text or Markdown: its first column is a name (left-aligned), the others
 * figures (right-aligned).
 *
 * @param title  the table's title
 * @param header the column names
 * @param rows   the rows, each as wide as the header
 */
public record Table(String title, List<String> header, List<List<String>> rows) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if an argument, a row or a cell is null
     * @throws IllegalArgumentException if a row is not as wide as the header
     */
    public Table {
        Objects.requireNonNull(title, "title");
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table '" + title + "': row " + row + " is not as wide as "
                        + header);
            }
        }
    }
}
