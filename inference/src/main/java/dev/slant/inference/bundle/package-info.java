/**
 * The model bundle: one {@code .slant} file (a zip) that holds everything prediction needs: a validated
 * {@link dev.slant.inference.bundle.Manifest}, the featurizer's fitted values, the scrubber's rules, one Tribuo
 * model per target in Tribuo's protobuf form with its fast scorer's arrays beside it, each model's provenance
 * as JSON, and a model card. Loading reads the scorers, never building the Tribuo models.
 * {@link dev.slant.inference.bundle.BundleWriter} writes it atomically and deterministically;
 * {@link dev.slant.inference.bundle.BundleReader} checks every part of it before anything is used.
 */
package dev.slant.inference.bundle;
