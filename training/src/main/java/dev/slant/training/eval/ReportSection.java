package dev.slant.training.eval;

import java.util.List;

/**
 * One block of a report: a heading, its tables and notes.
 *
 * @param heading the heading
 * @param tables  the tables, in order
 * @param notes   sentences that qualify the figures (abstentions, labels without support, what ECE covers)
 */
record ReportSection(String heading, List<Table> tables, List<String> notes) {
    /** Copies. */
    ReportSection {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
