package dev.slant.inference.serve.cli;

import dev.slant.datasets.cli.SubcommandProvider;
import java.util.List;

/** Contributes {@code serve} to {@code slant}. */
public final class ServeSubcommands implements SubcommandProvider {
    @Override
    public List<Object> subcommands() {
        return List.of(new ServeCommand());
    }
}
