package dev.slant.datasets.scrub;

/** A field of an article that scrubbing reads: the field a removal was made in, or the one to scrub. */
public enum ArticleField {
    /** {@link dev.slant.datasets.Article#title()}. */
    TITLE,
    /** {@link dev.slant.datasets.Article#text()}. */
    TEXT
}
