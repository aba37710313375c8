/**
 * Adapters that read each public corpus in its original layout (article-bias, isot, liar), the registry that
 * finds them by name, and {@link dev.slant.datasets.corpus.DataRoot}, which finds where they live.
 */
package dev.slant.datasets.corpus;
