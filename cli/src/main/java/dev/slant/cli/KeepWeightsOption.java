package dev.slant.cli;

import dev.slant.training.WeightPruning;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code --keep-weights FRACTION}, shared by {@code train} and {@code bench}: optional pruning of LibLinear models. */
public final class KeepWeightsOption {
    @Option(names = "--keep-weights", paramLabel = "FRACTION",
            description = "Keep this fraction of each LibLinear model's weights, the largest; zero the rest (a smaller "
                    + "bundle, and a sparse scorer below a third; default: all). Figures printed are the pruned model's.")
    Double keepWeights;

    /**
     * @param spec the command, for the error
     * @return the fraction given, or {@link WeightPruning#KEEP_ALL}
     * @throws CommandLine.ParameterException if the fraction is outside (0, 1]
     */
    double fraction(CommandSpec spec) {
        if (keepWeights == null) {
            return WeightPruning.KEEP_ALL;
        }
        try {
            return WeightPruning.checkFraction(keepWeights);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep-weights: " + e.getMessage(), e);
        }
    }
}
