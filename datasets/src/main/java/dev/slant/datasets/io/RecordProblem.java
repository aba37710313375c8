package dev.slant.datasets.io;

import java.util.Objects;

/**
 * Where and why one input record is bad.
 *
 * @param file         the file's name as the user gave it
 * @param recordNumber 1-based record number within the file (the header is not a record); 0 for a fault of the
 *                     header row itself, which makes the whole file unreadable
 * @param line         1-based physical line on which the record starts
 * @param column       the column at fault, or empty when the fault is not in one column
 * @param reason       short machine-stable reason, one of {@link Reason}
 * @param detail       human-readable detail
 */
public record RecordProblem(String file, long recordNumber, long line, String column, Reason reason, String detail) {

    /** The kinds of bad records, with a stable name used in rejects files and summaries. */
    public enum Reason {
        UNTERMINATED_QUOTE("unterminated quote"),
        MISSING_COLUMN("missing column"),
        UNKNOWN_LABEL("unknown label"),
        EMPTY_LABEL("empty label"),
        EMPTY_TEXT("empty text"),
        INVALID_UTF8("invalid UTF-8"),
        DUPLICATE_ID("duplicate id"),
        MALFORMED("malformed record"),
        TOO_LONG("record too long");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** @return the reason as printed */
        public String text() {
            return text;
        }
    }

    /** Validates. @throws NullPointerException if a required part is null */
    public RecordProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * The one-line message: {@code FILE: record R (line L), column 'C': REASON: DETAIL}, or
     * {@code FILE: header (line L), ...} for record 0.
     *
     * @return the message
     */
    public String message() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ");
        if (recordNumber == 0) {
            sb.append("header");
        } else {
            sb.append("record ").append(recordNumber);
        }
        sb.append(" (line ").append(line).append(')');
        if (!column.isEmpty()) {
            sb.append(", column '").append(column).append('\'');
        }
        sb.append(": ").append(reason.text());
        if (!detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
