/**
 * Explanations of predictions: which n-grams and which sentences of an article pushed a target's decision value
 * towards its predicted label, each by its exact share (weight times feature value), so that the shares and the
 * bias add up to the decision value.
 */
package dev.slant.inference.explain;
