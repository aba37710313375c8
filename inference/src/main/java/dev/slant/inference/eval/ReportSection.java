package dev.slant.inference.eval;

import java.util.List;
import java.util.Objects;

/**
 * One block of a report: a heading, its tables and notes.
 *
 * @param heading the heading
 * @param tables  the tables, in order
 * @param notes   sentences that qualify the figures (abstentions, labels without support, what ECE covers)
 */
public record ReportSection(String heading, List<Table> tables, List<String> notes) {
    /**
     * Copies.
     *
     * @throws NullPointerException if an argument, a table or a note is null
     */
    public ReportSection {
        Objects.requireNonNull(heading, "heading");
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
