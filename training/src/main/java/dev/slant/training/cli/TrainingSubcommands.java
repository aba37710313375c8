package dev.slant.training.cli;

import dev.slant.datasets.cli.SubcommandProvider;
import java.util.List;

/** The training module's subcommands: {@code train} and {@code evaluate}. */
public final class TrainingSubcommands implements SubcommandProvider {
    @Override
    public List<Object> subcommands() {
        return List.of(new TrainCommand(), new EvaluateCommand());
    }
}
