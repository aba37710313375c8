package dev.slant.datasets.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the bytes of delimited records into fields, exactly as Commons CSV's lexer does for the formats of
 * {@link ArticleFormat} (RFC 4180 with empty lines kept; tab-separated; tab-separated without quoting), but over
 * bytes: a field is found as a range of the chunk, and only the fields a mapping reads are ever decoded.
 *
 * <p>The rules: a field that starts with a quote (when quoting is on) runs to the next quote that is not doubled, a
 * doubled quote standing for one; after its closing quote, white space ({@link Character#isWhitespace(char)}) is
 * skipped, and anything else but the delimiter or a line break is an error. Any other field runs to the next
 * delimiter or line break, quotes included as they are. A record ends at LF, CR LF or a lone CR, or at the end of
 * the input; a record that is one empty field is blank. {@link RecordScanner.Quoted} makes the same decisions.
 *
 * <p>One lexer serves one thread; it holds the last record's field ranges until the next call.
 */
final class DelimitedLexer {
    /** {@link #record} result: a record was read. */
    static final int RECORD = 0;
    /** {@link #record} result: the end of the input, no record. */
    static final int END = 1;
    /** {@link #record} result: the input ended inside a quoted field. */
    static final int UNTERMINATED = 2;
    /** {@link #record} result: a character other than white space, delimiter or line break after a closing quote. */
    static final int BROKEN = 3;

    private final byte delimiter;
    private final boolean quoting;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private byte[] scratch = new byte[256];
    /** Fields of the last record. */
    int fields;
    /** Just after the last record, its line break included. */
    int next;
    /** Where the last record's error is: the opening quote (UNTERMINATED), the character (BROKEN). */
    int errorAt;

    DelimitedLexer(ArticleFormat format) {
        if (!format.delimited()) {
            throw new IllegalArgumentException(format + " is not a delimited format");
        }
        this.delimiter = (byte) (format == ArticleFormat.CSV ? ',' : '\t');
        this.quoting = format != ArticleFormat.TSV_UNQUOTED;
    }

    /**
     * Reads the record at {@code p}.
     *
     * @param b  the bytes
     * @param p  the record's first byte
     * @param to the end of the input
     * @return {@link #RECORD}, {@link #END}, {@link #UNTERMINATED} or {@link #BROKEN}; the fields so far and
     *         {@link #next} are set for a record, {@link #errorAt} for an error
     */
    int record(byte[] b, int p, int to) {
        fields = 0;
        if (p >= to) {
            next = to;
            return END;
        }
        final byte d = delimiter;
        while (true) {
            if (p >= to) { // the end, after a delimiter: one more empty field
                add(p, p, false);
                next = to;
                return RECORD;
            }
            byte c = b[p];
            if (c == d) {
                add(p, p, false);
                p++;
                continue;
            }
            if (c == ByteScan.LF || c == ByteScan.CR) {
                add(p, p, false);
                next = lineEnd(b, p, to);
                return RECORD;
            }
            if (quoting && c == ByteScan.QUOTE) {
                int open = p;
                int q = p + 1;
                boolean doubled = false;
                while (true) {
                    q = ByteScan.indexOf(b, q, to, ByteScan.QUOTE);
                    if (q >= to) {
                        add(open + 1, to, doubled);
                        errorAt = open;
                        next = to;
                        return UNTERMINATED;
                    }
                    if (q + 1 < to && b[q + 1] == ByteScan.QUOTE) {
                        doubled = true;
                        q += 2;
                    } else {
                        break;
                    }
                }
                add(open + 1, q, doubled);
                int r = q + 1;
                while (true) {
                    if (r >= to) {
                        next = to;
                        return RECORD;
                    }
                    byte a = b[r];
                    if (a == d) {
                        p = r + 1;
                        break;
                    }
                    if (a == ByteScan.LF || a == ByteScan.CR) {
                        next = lineEnd(b, r, to);
                        return RECORD;
                    }
                    int ws = Utf8.whitespaceAt(b, r, to);
                    if (ws <= 0) {
                        errorAt = r;
                        next = to;
                        return BROKEN;
                    }
                    r += ws;
                }
                continue;
            }
            int e = ByteScan.indexOfAny(b, p, to, d, ByteScan.CR, ByteScan.LF);
            add(p, e, false);
            if (e >= to) {
                next = to;
                return RECORD;
            }
            if (b[e] == d) {
                p = e + 1;
                continue;
            }
            next = lineEnd(b, e, to);
            return RECORD;
        }
    }

    private static int lineEnd(byte[] b, int p, int to) {
        return b[p] == ByteScan.CR && p + 1 < to && b[p + 1] == ByteScan.LF ? p + 2 : p + 1;
    }

    private void add(int start, int end, boolean doubled) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            escaped = Arrays.copyOf(escaped, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        escaped[fields] = doubled;
        fields++;
    }

    /** @return whether the last record is blank: one empty field */
    boolean blank() {
        return fields == 1 && starts[0] == ends[0];
    }

    /**
     * @param b the bytes the last record was read from
     * @param i a field of it
     * @return the field's text, doubled quotes made one, bad bytes marked
     */
    String field(byte[] b, int i) {
        int s = starts[i];
        int e = ends[i];
        if (!escaped[i]) {
            return Utf8.decode(b, s, e - s);
        }
        if (scratch.length < e - s) {
            scratch = new byte[Math.max(e - s, scratch.length * 2)];
        }
        int n = 0;
        int j = s;
        while (j < e) {
            int q = ByteScan.indexOf(b, j, e, ByteScan.QUOTE);
            int run = Math.min(q + 1, e) - j; // up to and with the first quote of a pair
            System.arraycopy(b, j, scratch, n, run);
            n += run;
            j = q + 2; // past the second quote of the pair
        }
        return Utf8.decode(scratch, 0, n);
    }

    /**
     * @param b the bytes the last record was read from
     * @return every field's text
     */
    List<String> all(byte[] b) {
        List<String> all = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            all.add(field(b, i));
        }
        return all;
    }
}
