package dev.slant.inference.batch;

import dev.slant.datasets.io.ReadReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a batch run did.
 *
 * @param read        the input's read report: records, accepted, rejected by reason, bytes
 * @param scored      articles scored and written
 * @param abstentions per target, the articles it abstained on ({@link dev.slant.inference.Abstention})
 * @param nanos       wall-clock time of the run
 * @param drift       the scored articles compared with the training data's reference, or null when the bundle
 *                    stores none
 */
public record ScoreSummary(ReadReport read, long scored, Map<String, Long> abstentions, long nanos,
                           dev.slant.inference.drift.DriftReport drift) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a count or the time is negative
     * @throws NullPointerException     if an argument is null
     */
    public ScoreSummary {
        read = Objects.requireNonNull(read, "read").snapshot();
        abstentions = Collections.unmodifiableMap(new LinkedHashMap<>(abstentions));
        if (scored < 0 || nanos < 0) {
            throw new IllegalArgumentException("scored " + scored + " and nanos " + nanos + " must not be negative");
        }
    }

    /**
     * A summary without drift.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public ScoreSummary(ReadReport read, long scored, Map<String, Long> abstentions, long nanos) {
        this(read, scored, abstentions, nanos, null);
    }

    /** @return articles scored per second of the run */
    public double articlesPerSecond() {
        return nanos == 0 ? 0 : scored / (nanos / 1e9);
    }

    /** @return megabytes (10^6 bytes) of decompressed input read per second of the run */
    public double megabytesPerSecond() {
        return nanos == 0 ? 0 : read.bytes() / 1e6 / (nanos / 1e9);
    }
}
