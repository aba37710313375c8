package dev.slant.spark;

import dev.slant.datasets.io.RecordProblem;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of an input and those skipped, by reason.
 *
 * @param rows    every input row
 * @param skipped the skipped rows by reason, reasons in their declared order, none with a zero count
 */
public record RowCounts(long rows, Map<RecordProblem.Reason, Long> skipped) {

    /** Validates and copies. @throws IllegalArgumentException if a count is negative or more rows are skipped than read */
    public RowCounts {
        EnumMap<RecordProblem.Reason, Long> copy = new EnumMap<>(RecordProblem.Reason.class);
        skipped.forEach((r, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("negative count " + n + " of " + r.text());
            }
            if (n > 0) {
                copy.put(r, n);
            }
        });
        skipped = Collections.unmodifiableMap(copy);
        if (rows < 0 || total(skipped) > rows) {
            throw new IllegalArgumentException(total(skipped) + " rows skipped of " + rows);
        }
    }

    private static long total(Map<RecordProblem.Reason, Long> skipped) {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return the skipped rows */
    public long skippedRows() {
        return total(skipped);
    }

    /** @return the rows kept */
    public long kept() {
        return rows - skippedRows();
    }

    /** @return for example {@code "2 skipped: 1 empty text, 1 malformed record"}, or {@code "none skipped"} */
    public String describeSkipped() {
        if (skipped.isEmpty()) {
            return "none skipped";
        }
        return skippedRows() + " skipped: " + skipped.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().text()).collect(Collectors.joining(", "));
    }
}
