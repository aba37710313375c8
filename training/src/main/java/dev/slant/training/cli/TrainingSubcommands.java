package dev.slant.training.cli;

import dev.slant.datasets.cli.SubcommandProvider;
import java.util.List;

/** The training module's subcommands: {@code train}, {@code evaluate} and {@code bench}. */
public final class TrainingSubcommands implements SubcommandProvider {
    @Override
    public List<Object> subcommands() {
        return List.of(new TrainCommand(), new EvaluateCommand(), new BenchCommand());
    }
}
