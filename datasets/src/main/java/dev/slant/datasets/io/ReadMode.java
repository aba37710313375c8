package dev.slant.datasets.io;

/** What a reader does with a bad record. */
public enum ReadMode {
    /** Stop at the first bad record with a {@link BadRecordException} that names it. */
    STRICT,
    /** Skip the bad record, count it in the {@link ReadReport}, and hand it to the reject sink if one is set. */
    LENIENT
}
