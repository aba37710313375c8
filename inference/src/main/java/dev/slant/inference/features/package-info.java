/**
 * The featurizer shared by training and prediction: tokenizing, hashed word and character n-grams, fitted
 * idf, sublinear tf and L2 normalization, assembled in {@link dev.slant.inference.features.Featurizer} from
 * small package-private stages. Its settings and fitted values are all a bundle needs to rebuild it exactly.
 */
package dev.slant.inference.features;
