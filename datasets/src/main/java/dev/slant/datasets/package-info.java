/**
 * Labelled article corpora: the {@link dev.slant.datasets.Article} and {@link dev.slant.datasets.Labels}
 * records shared by every module. Readers live in {@code io}, corpus adapters in {@code corpus}, the text views
 * in {@code text}, fingerprint scrubbing in {@code scrub}, duplicate detection in {@code dedup} and splits in
 * {@code split}.
 */
package dev.slant.datasets;
