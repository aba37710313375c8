package dev.slant.datasets.io;

import java.util.Objects;

/**
 * How to treat bad input while reading.
 *
 * @param mode    strict or lenient
 * @param rejects where skipped records go in lenient mode ({@link RejectSink#NONE} to only count them)
 */
public record ReadOptions(ReadMode mode, RejectSink rejects) {

    /** Strict: stop at the first bad record. */
    public static final ReadOptions STRICT = new ReadOptions(ReadMode.STRICT, RejectSink.NONE);
    /** Lenient: skip and count bad records. */
    public static final ReadOptions LENIENT = new ReadOptions(ReadMode.LENIENT, RejectSink.NONE);

    /** Validates. @throws NullPointerException if an argument is null */
    public ReadOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rejects, "rejects");
    }
}
