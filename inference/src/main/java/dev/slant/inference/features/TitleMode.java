package dev.slant.inference.features;

/** How the title takes part in the features. */
public enum TitleMode {
    /** Title n-grams are features of their own (salted hashes), apart from the body's. */
    SEPARATE,
    /** Title and body are one text (n-grams never cross from title to body). */
    JOIN,
    /** The title is not used. */
    IGNORE
}
