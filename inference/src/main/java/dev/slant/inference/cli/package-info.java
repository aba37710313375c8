/**
 * The inference module's commands ({@code slant score}), contributed to {@code slant} through
 * {@link dev.slant.datasets.cli.SubcommandProvider}. Commands stay thin: parse, call the library, write.
 */
package dev.slant.inference.cli;
