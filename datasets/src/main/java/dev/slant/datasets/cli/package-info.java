/**
 * The {@code slant} command line: the top-level command, exit codes, shared option mixins, and the
 * {@code text} and {@code datasets} subcommands. Commands stay thin: parse, call the library, write.
 */
package dev.slant.datasets.cli;
