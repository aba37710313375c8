package dev.slant.datasets.io;

/** What a reader does with a bad record. */
public enum ReadMode {
    /** Stop at the first bad record with a {@link BadRecordException} that names it. */
    STRICT,
    /**
     * Skip the bad record, count it in the {@link ReadReport}, and hand it to the reject sink if one is set. A fault
     * the parser cannot read past (a character after a closing quote; a quote left open from further back than the
     * longest record read) still ends the read with a {@link BadRecordException}, after counting and handing on the
     * record: the records after it could be neither read nor counted. A quote left open in the input's last record
     * (a file cut short) is that record's fault only.
     */
    LENIENT
}
