/**
 * Outlet-fingerprint scrubbing. In the article-bias corpus the stance label is the outlet's rating, so a classifier
 * learns outlet fingerprints instead of stance unless they are removed: news-agency datelines, the article's own
 * outlet names and web domains (derived from its metadata by {@link dev.slant.datasets.scrub.OutletNames}), markers
 * such as "Featured image via ...", and boilerplate sentences, lines and line openers that
 * {@link dev.slant.datasets.scrub.Scrubber#fit} learns from training articles only.
 *
 * <p>A {@link dev.slant.datasets.scrub.Scrubber} is rebuilt exactly from its
 * {@link dev.slant.datasets.scrub.ScrubRules}, a plain record that model bundles save as JSON.
 * {@link dev.slant.datasets.scrub.Scrubber#explain} lists what it removed from an article and why, and
 * {@link dev.slant.datasets.scrub.Scrubber#summarize} counts that over a corpus.
 */
package dev.slant.datasets.scrub;
