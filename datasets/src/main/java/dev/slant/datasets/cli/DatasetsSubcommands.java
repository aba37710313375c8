package dev.slant.datasets.cli;

import java.util.List;

/** The datasets module's subcommands: {@code text} and {@code datasets}. */
public final class DatasetsSubcommands implements SubcommandProvider {
    @Override
    public List<Object> subcommands() {
        return List.of(new TextCommand(), new DatasetsCommand());
    }
}
