package dev.slant.cli.bench;

import dev.slant.datasets.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Bench} measures, validated in one place.
 *
 * @param split           the split (a published one, stratified or outlet; not outlet-cv)
 * @param targets         Slant's targets, the main one first; peers train the main one
 * @param peers           also run the installed peers
 * @param threads         threads of the "all threads" figures and of training (1 or more)
 * @param seed            the seed of every random choice
 * @param scoringSeconds  the least time each scoring speed figure is measured over (rounds over the test part)
 * @param probeHeapMb     the -Xmx (MiB) of the child JVM that checks that scoring fits in a small heap
 * @param workDir         where the bundle and the peers' files go (created if missing; kept)
 * @param keepWeights     the fraction of each LibLinear model's weights kept ({@link dev.slant.training.WeightPruning})
 */
public record BenchRequest(String split, List<Target> targets, boolean peers, int threads, long seed,
                           double scoringSeconds, int probeHeapMb, Path workDir, double keepWeights) {
    /** The least seconds a scoring speed figure is measured over, by default. */
    public static final double DEFAULT_SCORING_SECONDS = 3.0;
    /** The heap of the scoring probe, by default: the scoring budget. */
    public static final int DEFAULT_PROBE_HEAP_MB = 256;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there is no target, the split is outlet-cv, threads are below 1, the
     *                                  seconds or heap are not positive, or the fraction of weights is outside (0, 1]
     * @throws NullPointerException     if an argument is null
     */
    public BenchRequest {
        Objects.requireNonNull(split, "split");
        targets = List.copyOf(targets);
        Objects.requireNonNull(workDir, "workDir");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target to benchmark");
        }
        if (split.equals(dev.slant.datasets.split.SplitChoice.OUTLET_CV)) {
            throw new IllegalArgumentException("bench needs one split with a test part, not outlet-cv");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (!(scoringSeconds > 0)) {
            throw new IllegalArgumentException("scoringSeconds must be positive, got " + scoringSeconds);
        }
        dev.slant.training.WeightPruning.checkFraction(keepWeights);
        if (probeHeapMb < 16) {
            throw new IllegalArgumentException("probeHeapMb must be at least 16, got " + probeHeapMb);
        }
    }

    /** @return the main target */
    public Target main() {
        return targets.get(0);
    }
}
