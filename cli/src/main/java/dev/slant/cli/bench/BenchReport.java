package dev.slant.cli.bench;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Bench} measured: the table's rows (Slant's first) and notes on how each figure was made.
 *
 * @param rows    Slant's row, then one per peer that ran
 * @param threads the thread count of the "all threads" figures
 * @param notes   one line each: the data, settings, per-target sizes, the scoring-heap check, skipped peers
 */
public record BenchReport(List<BenchRow> rows, int threads, List<String> notes) {
    /** Copies. @throws IllegalArgumentException if there is no row */
    public BenchReport {
        rows = List.copyOf(rows);
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a bench report needs Slant's row");
        }
    }

    /** @return the table, then the notes as a list, in Markdown */
    public String markdown() {
        StringBuilder sb = new StringBuilder(BenchTable.render(rows, threads));
        sb.append('\n');
        for (String n : notes) {
            sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }
}
