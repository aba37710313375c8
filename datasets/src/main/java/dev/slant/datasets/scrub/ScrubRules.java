package dev.slant.datasets.scrub;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Scrubber} needs, fitted or fixed; a plain record that JSON (Jackson) writes and reads.
 *
 * @param datelines   remove news-agency datelines such as "WASHINGTON (Reuters) -"
 * @param ownOutlet   remove the article's own outlet name and web host (from its metadata)
 * @param boilerplate phrases learned from training data, removed wherever they occur
 */
public record ScrubRules(boolean datelines, boolean ownOutlet, List<String> boilerplate) {

    /** No scrubbing at all. */
    public static final ScrubRules NONE = new ScrubRules(false, false, List.of());

    /** Validates and copies. @throws NullPointerException if boilerplate is null */
    public ScrubRules {
        boilerplate = List.copyOf(Objects.requireNonNull(boilerplate, "boilerplate"));
    }
}
