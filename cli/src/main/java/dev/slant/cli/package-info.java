/**
 * The {@code slant} command line: the root command, the shared option mixins, and every subcommand. Commands stay
 * thin: parse, call a library, write. Exit codes and failure messages follow {@link dev.slant.inference.ExitCodes}.
 */
package dev.slant.cli;
