package dev.slant.datasets.scrub;

/** The article field a removal was made in. */
public enum ArticleField {
    /** {@link dev.slant.datasets.Article#title()}. */
    TITLE,
    /** {@link dev.slant.datasets.Article#text()}. */
    TEXT
}
