/**
 * Splits of a corpus into train, valid and test parts: stratified random with a seed, outlet-disjoint
 * (no outlet on both sides), outlet-disjoint cross-validation folds, and a corpus's published splits. No split
 * puts two copies of one text on both sides.
 */
package dev.slant.datasets.split;
