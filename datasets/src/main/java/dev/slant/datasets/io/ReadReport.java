package dev.slant.datasets.io;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of one read: records seen, accepted and rejected (by reason), and bytes of input consumed.
 * Mutable while reading, by the reader only; consumers take a {@link #snapshot()}.
 */
public final class ReadReport {
    private long records;
    private long accepted;
    private long bytes;
    private final EnumMap<RecordProblem.Reason, Long> rejected = new EnumMap<>(RecordProblem.Reason.class);

    /** Counts one accepted record. */
    public void accept() {
        records++;
        accepted++;
    }

    /**
     * Counts one rejected record.
     *
     * @param reason why it was rejected
     */
    public void reject(RecordProblem.Reason reason) {
        records++;
        rejected.merge(reason, 1L, Long::sum);
    }

    /** @param n bytes of (decompressed) input read so far */
    public void bytes(long n) {
        bytes = n;
    }

    /**
     * Adds another report's counts to this one (for corpora made of several files).
     *
     * @param other the other report
     */
    public void add(ReadReport other) {
        records += other.records;
        accepted += other.accepted;
        bytes += other.bytes;
        other.rejected.forEach((r, n) -> rejected.merge(r, n, Long::sum));
    }

    /** @return records seen, accepted and rejected */
    public long records() {
        return records;
    }

    /** @return records accepted */
    public long accepted() {
        return accepted;
    }

    /** @return records rejected, all reasons */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return rejected records by reason */
    public Map<RecordProblem.Reason, Long> rejected() {
        return Collections.unmodifiableMap(rejected);
    }

    /** @return bytes of input consumed */
    public long bytes() {
        return bytes;
    }

    /** @return an independent copy */
    public ReadReport snapshot() {
        ReadReport copy = new ReadReport();
        copy.add(this);
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(records).append(" records, ").append(accepted).append(" accepted, ")
                .append(rejectedTotal()).append(" rejected");
        if (!rejected.isEmpty()) {
            sb.append(" (");
            String sep = "";
            for (Map.Entry<RecordProblem.Reason, Long> e : rejected.entrySet()) {
                sb.append(sep).append(e.getKey().text()).append(": ").append(e.getValue());
                sep = ", ";
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
