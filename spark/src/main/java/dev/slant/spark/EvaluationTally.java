package dev.slant.spark;

import dev.slant.datasets.io.RecordProblem;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.eval.EvaluationLabels;
import dev.slant.inference.eval.TargetTally;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a distributed evaluation collects: a {@link TargetTally} per evaluated target and the skipped rows by
 * reason. Each partition makes one; they merge on the way to the driver.
 *
 * <p>A gold label the model never saw is counted as {@code slant evaluate} counts it, as an error of the model:
 * it joins the target's labels. Partitions may meet different such labels, so a target's labels are always
 * those {@link EvaluationLabels} chooses from the labels the model knows and the gold labels met so far (the
 * model's order while every gold label is known, else the sorted union), and a merge widens both sides to the
 * labels of the union. The merged tally is thus the same however the rows were partitioned.
 */
public final class EvaluationTally implements Serializable {
    private static final long serialVersionUID = 2L;

    private final LinkedHashMap<String, List<String>> known = new LinkedHashMap<>();
    private final LinkedHashMap<String, TargetTally> targets = new LinkedHashMap<>();
    private final EnumMap<RecordProblem.Reason, Long> skipped = new EnumMap<>(RecordProblem.Reason.class);

    /**
     * An empty tally.
     *
     * @param labelsByTarget the evaluated targets and the labels their model knows, in order
     * @throws NullPointerException     if the map, a target or a label is null
     * @throws IllegalArgumentException if a target is blank, or its labels are fewer than two, repeat or are blank
     */
    public EvaluationTally(Map<String, List<String>> labelsByTarget) {
        labelsByTarget.forEach((t, ls) -> {
            TargetTally tally = new TargetTally(t, ls);
            known.put(t, tally.labels());
            targets.put(t, tally);
        });
    }

    /**
     * @return the evaluated targets' tallies, in order, each over the labels its model knows and any gold labels
     *         the model never saw, in the order {@link EvaluationLabels} gives them
     */
    public Map<String, TargetTally> targets() {
        return Collections.unmodifiableMap(targets);
    }

    /** @return the skipped rows by reason */
    public Map<RecordProblem.Reason, Long> skipped() {
        return Collections.unmodifiableMap(skipped);
    }

    void skip(RecordProblem.Reason reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /**
     * Counts one row's answer for one target.
     *
     * @param target    an evaluated target
     * @param gold      the row's gold label, known to the model or not
     * @param predicted what the model answered for the target
     */
    void add(String target, String gold, TargetPrediction predicted) {
        TargetTally tally = widened(target, List.of(gold));
        int g = tally.labels().indexOf(gold);
        if (predicted.abstained()) {
            tally.add(g, -1, Double.NaN);
        } else {
            tally.add(g, tally.labels().indexOf(predicted.label()), predicted.probability());
        }
    }

    /**
     * @param target a target
     * @param gold   gold labels met
     * @return the target's tally, widened first where a gold label is not one of its labels
     */
    private TargetTally widened(String target, Collection<String> gold) {
        TargetTally tally = targets.get(target);
        if (tally.labels().containsAll(gold)) {
            return tally;
        }
        List<String> met = new ArrayList<>(tally.labels());
        met.addAll(gold);
        List<String> labels = known.get(target);
        TargetTally wider = tally.withLabels(EvaluationLabels.of(labels, labels, met));
        targets.put(target, wider);
        return wider;
    }

    /**
     * Adds another tally's counts to this one; where the two met different gold labels the model never saw, each
     * target's labels become those of the union, ordered by {@link EvaluationLabels}.
     *
     * @param other a tally of the same targets, with the same labels known to the model
     * @return this tally, with the other's counts added
     * @throws NullPointerException     if the other tally is null
     * @throws IllegalArgumentException if the other tally is of other targets or other known labels
     */
    public EvaluationTally merge(EvaluationTally other) {
        if (!other.known.equals(known)) {
            throw new IllegalArgumentException("cannot merge a tally of " + other.known + " into one of " + known);
        }
        other.targets.forEach((t, tally) -> {
            TargetTally mine = widened(t, tally.labels());
            mine.merge(tally.withLabels(mine.labels()));
        });
        other.skipped.forEach((r, n) -> skipped.merge(r, n, Long::sum));
        return this;
    }
}
