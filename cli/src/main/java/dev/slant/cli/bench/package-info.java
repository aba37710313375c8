/**
 * {@code slant bench}: trains and scores Slant on a corpus split and, when they are installed, its peers
 * (fastText, scikit-learn) on the same split in the same run, and prints one table of speed, memory, size and
 * accuracy with the ratios Slant/peer, which hold whatever the machine's load.
 */
package dev.slant.cli.bench;
