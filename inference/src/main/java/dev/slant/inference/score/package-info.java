/**
 * Fast linear scoring: {@link dev.slant.inference.score.LinearScorer} holds one target's weights in primitive
 * arrays and scores a {@link dev.slant.inference.features.FeatureVector} in one multiply-add pass;
 * {@link dev.slant.inference.score.TribuoLinearScorers} builds it from a Tribuo model's protobuf form
 * (LibLinear, SGD linear models, multinomial naive Bayes) so that its scores equal Tribuo's own.
 */
package dev.slant.inference.score;
