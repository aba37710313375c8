package dev.slant.cli;

import dev.slant.datasets.corpus.DataRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Mixin: {@code --data DIR}, the folder that holds the corpora. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the corpora (default: $" + DataRoot.ENV + ", else ../shared/datasets beside the checkout).")
    Path data;

    /** @return the data root this command uses */
    public Path root() {
        return DataRoot.resolve(data);
    }
}
