/**
 * Duplicate detection in a labelled corpus: exact duplicates (the same key text, compared by a 128-bit
 * {@link dev.slant.datasets.dedup.Fingerprint}) and near duplicates (word shingles, seeded MinHash and LSH
 * banding, verified by estimated Jaccard similarity). {@link dev.slant.datasets.dedup.Deduplicator} finds
 * {@link dev.slant.datasets.dedup.DuplicateGroups}, which tell split code which ids belong together and
 * whose labels conflict; {@link dev.slant.datasets.dedup.DropPolicy} says which copies to drop.
 */
package dev.slant.datasets.dedup;
