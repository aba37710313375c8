/**
 * Outlet-fingerprint scrubbing: datelines, an article's own outlet name and web host, and boilerplate learned
 * from training data only. A fitted {@link dev.slant.datasets.scrub.Scrubber} is rebuilt exactly from its
 * {@link dev.slant.datasets.scrub.ScrubRules}, which model bundles save.
 */
package dev.slant.datasets.scrub;
