package dev.slant.datasets.cli;

import java.util.List;

/**
 * Contributes top-level subcommands to {@code slant}. Each module lists its provider in
 * {@code META-INF/services/dev.slant.datasets.cli.SubcommandProvider}, so the commands on the class path decide
 * what {@code slant} can do (an inference-only install has {@code score} and {@code serve} but no {@code train}).
 */
public interface SubcommandProvider {
    /** @return picocli command objects, each annotated with {@code @Command} */
    List<Object> subcommands();
}
