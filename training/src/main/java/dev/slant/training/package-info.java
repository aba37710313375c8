/**
 * Training: builds one Tribuo classifier per target on the shared featurizer, chooses settings on validation
 * data only, evaluates honestly (macro-F1, per-class figures, majority baseline, outlet-disjoint folds beside the
 * published splits), and writes bundles that the {@code inference} module loads.
 */
package dev.slant.training;
