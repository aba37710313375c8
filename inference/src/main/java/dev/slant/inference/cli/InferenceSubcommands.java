package dev.slant.inference.cli;

import dev.slant.datasets.cli.SubcommandProvider;
import java.util.List;

/** The inference module's subcommands: {@code score}. */
public final class InferenceSubcommands implements SubcommandProvider {
    @Override
    public List<Object> subcommands() {
        return List.of(new ScoreCommand());
    }
}
