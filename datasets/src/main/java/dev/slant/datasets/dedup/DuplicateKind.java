package dev.slant.datasets.dedup;

/** How the members of a {@link DuplicateGroup} are alike. */
public enum DuplicateKind {
    /** Every member has the same key text. */
    EXACT,
    /** At least two members differ, linked by pairs of estimated similarity at or above the threshold. */
    NEAR
}
