/** The {@code train} and {@code evaluate} commands: parse options, call the training library, write results. */
package dev.slant.training.cli;
