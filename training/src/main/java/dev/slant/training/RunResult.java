package dev.slant.training;

import dev.slant.inference.features.Featurizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link TrainingRun} produced.
 *
 * @param split      the split's name
 * @param featurizer the fitted featurizer
 * @param targets    one fit per target, in target order
 * @param grid       every setting tried, the chosen ones marked
 * @param trainSize  articles in the train part
 * @param validSize  articles in the valid part
 * @param testSize   articles in the test part
 */
public record RunResult(String split, Featurizer featurizer, Map<String, TargetFit> targets, List<GridRow> grid,
                        int trainSize, int validSize, int testSize) {
    /** Validates and copies. @throws NullPointerException if a part is null */
    public RunResult {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(featurizer, "featurizer");
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        grid = List.copyOf(grid);
    }
}
