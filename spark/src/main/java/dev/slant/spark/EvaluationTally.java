package dev.slant.spark;

import dev.slant.datasets.io.RecordProblem;
import dev.slant.inference.eval.TargetTally;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a distributed evaluation collects: a {@link TargetTally} per evaluated target and the skipped rows by
 * reason. Each partition makes one; they merge on the way to the driver.
 */
public final class EvaluationTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, TargetTally> targets = new LinkedHashMap<>();
    private final EnumMap<RecordProblem.Reason, Long> skipped = new EnumMap<>(RecordProblem.Reason.class);

    /**
     * An empty tally.
     *
     * @param labelsByTarget the evaluated targets and their labels, in order
     */
    public EvaluationTally(Map<String, List<String>> labelsByTarget) {
        labelsByTarget.forEach((t, ls) -> targets.put(t, new TargetTally(t, ls)));
    }

    /** @return the evaluated targets' tallies, in order */
    public Map<String, TargetTally> targets() {
        return java.util.Collections.unmodifiableMap(targets);
    }

    /** @return the skipped rows by reason */
    public Map<RecordProblem.Reason, Long> skipped() {
        return java.util.Collections.unmodifiableMap(skipped);
    }

    void skip(RecordProblem.Reason reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    TargetTally target(String target) {
        return targets.get(target);
    }

    /**
     * @param other a tally of the same targets
     * @return this tally, with the other's counts added
     */
    public EvaluationTally merge(EvaluationTally other) {
        other.targets.forEach((t, tally) -> targets.get(t).merge(tally));
        other.skipped.forEach((r, n) -> skipped.merge(r, n, Long::sum));
        return this;
    }
}
