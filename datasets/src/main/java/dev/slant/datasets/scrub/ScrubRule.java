package dev.slant.datasets.scrub;

/** Which rule of a {@link Scrubber} removed a span. */
public enum ScrubRule {
    /** A news-agency or capitals dateline at the start of a line ("WASHINGTON (Reuters) -", "DENVER —"). */
    DATELINE,
    /** A name of the article's own outlet, from its metadata ({@link OutletNames#names()}). */
    OUTLET_NAME,
    /** A web address of the article's own outlet, from its metadata ({@link OutletNames#domains()}). */
    OUTLET_DOMAIN,
    /** A marker such as "Featured image", removed with the rest of its sentence or line. */
    MARKER,
    /** A whole sentence or line learned as boilerplate ({@link ScrubRules#phrases()}). */
    PHRASE,
    /** The first words of a line learned as boilerplate ({@link ScrubRules#lineOpeners()}). */
    LINE_OPENER
}
