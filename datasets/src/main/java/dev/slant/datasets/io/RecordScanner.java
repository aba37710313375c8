package dev.slant.datasets.io;

/**
 * Finds where records end in a stream of bytes, for the {@link ChunkSplitter}: the lexer's automaton with none of its
 * output (no fields, no decoding). It is resumable: each {@link #scan} call goes on from where the last one stopped,
 * so a record longer than the splitter's buffer is scanned once, not once per refill.
 *
 * <p>Positions are offsets in the splitter's buffer; {@link #shift} moves them when the splitter drops the bytes in
 * front of them. The bytes scanned start at a record's first byte (the splitter only cuts at record ends).
 */
abstract class RecordScanner {
    /** The next byte to look at. */
    int pos;
    /** Just after the last record end found (0 if none since the last shift). */
    int boundary;
    /** Records that are not blank among those ending at or before {@link #boundary}, since the last shift. */
    int records;
    /** Whether the input ended and every byte was scanned: the last record, if any, is counted. */
    boolean ended;
    /**
     * Where a byte the lexer cannot read past was found (a character after a closing quote), or -1. The scan stops
     * there; the record holding it is not counted in {@link #records}.
     */
    int errorAt = -1;
    /** Just after the first record end found, blank or not (a header row's end), or -1. */
    int firstEnd = -1;
    /** Whether the record ending at {@link #firstEnd} was blank. */
    boolean firstBlank;

    /**
     * Scans {@code buf[pos, limit)}.
     *
     * @param buf   the bytes
     * @param limit the end of the bytes read so far
     * @param eof   whether the input ends at {@code limit}
     */
    abstract void scan(byte[] buf, int limit, boolean eof);

    /** @return whether the record being scanned is inside a quoted field (at the end of the input: unterminated) */
    abstract boolean inQuotes();

    /** @return the 0-based field of the record being scanned that the scan has reached */
    abstract int fieldIndex();

    /**
     * The bytes before {@code n} were dropped: moves every position back by {@code n} and forgets the records before
     * it.
     *
     * @param n at most {@link #boundary}, or any count up to {@link #pos} while no record end lies before it
     */
    void shift(int n) {
        pos -= n;
        boundary = Math.max(0, boundary - n);
        if (errorAt >= 0) {
            errorAt -= n;
        }
        firstEnd = -1;
        records = 0;
    }

    /**
     * A scanner for a format.
     *
     * @param format the format
     * @return a new scanner at the start of a record
     */
    static RecordScanner of(ArticleFormat format) {
        return switch (format) {
            case CSV -> new Quoted((byte) ',');
            case TSV -> new Quoted((byte) '\t');
            case TSV_UNQUOTED -> new Lines(false);
            case JSONL -> new Lines(true);
        };
    }

    /**
     * RFC 4180 records, as Commons CSV reads them: a field that starts with a quote is quoted, may hold delimiters
     * and line breaks, writes a quote as two, and ends at the next lone quote; after it only white space may come
     * before the delimiter or the line break. A quote inside an unquoted field is an ordinary character. A record
     * ends at LF, CR LF or a lone CR outside quotes; it is blank when it is one empty field.
     */
    static final class Quoted extends RecordScanner {
        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int AFTER_QUOTE = 3;

        private final byte delimiter;
        private int state = FIELD_START;
        private int field;
        /** Whether field 0 of the record holds anything (the record is blank without it). */
        private boolean content;

        Quoted(byte delimiter) {
            this.delimiter = delimiter;
        }

        @Override
        boolean inQuotes() {
            return state == QUOTED;
        }

        @Override
        int fieldIndex() {
            return field;
        }

        @Override
        void scan(byte[] buf, int limit, boolean eof) {
            if (errorAt >= 0 || ended) {
                return;
            }
            final byte d = delimiter;
            int p = pos;
            scanning:
            while (p < limit) {
                switch (state) {
                    case FIELD_START -> {
                        byte b = buf[p];
                        if (b == d) {
                            field++;
                            content = false;
                            p++;
                        } else if (b == ByteScan.LF || b == ByteScan.CR) {
                            int end = lineEnd(buf, p, limit, eof);
                            if (end < 0) {
                                break scanning;
                            }
                            p = end;
                            recordEnd(p);
                        } else if (b == ByteScan.QUOTE) {
                            state = QUOTED;
                            p++;
                        } else {
                            state = UNQUOTED;
                            content = true;
                            p++;
                        }
                    }
                    case UNQUOTED -> {
                        p = ByteScan.indexOfAny(buf, p, limit, d, ByteScan.CR, ByteScan.LF);
                        if (p >= limit) {
                            break scanning;
                        }
                        if (buf[p] == d) {
                            field++;
                            content = false;
                            state = FIELD_START;
                            p++;
                        } else {
                            int end = lineEnd(buf, p, limit, eof);
                            if (end < 0) {
                                break scanning;
                            }
                            p = end;
                            recordEnd(p);
                        }
                    }
                    case QUOTED -> {
                        int q = ByteScan.indexOf(buf, p, limit, ByteScan.QUOTE);
                        if (q > p) {
                            content = true;
                        }
                        p = q;
                        if (p >= limit) {
                            break scanning;
                        }
                        if (p + 1 < limit) {
                            if (buf[p + 1] == ByteScan.QUOTE) {
                                content = true;
                                p += 2;
                            } else {
                                state = AFTER_QUOTE;
                                p++;
                            }
                        } else if (eof) {
                            state = AFTER_QUOTE;
                            p++;
                        } else {
                            break scanning; // is the quote doubled? the next byte is not read yet
                        }
                    }
                    default -> { // AFTER_QUOTE
                        byte b = buf[p];
                        if (b == d) {
                            field++;
                            content = false;
                            state = FIELD_START;
                            p++;
                        } else if (b == ByteScan.LF || b == ByteScan.CR) {
                            int end = lineEnd(buf, p, limit, eof);
                            if (end < 0) {
                                break scanning;
                            }
                            p = end;
                            recordEnd(p);
                        } else {
                            int ws = Utf8.whitespaceAt(buf, p, limit);
                            if (ws > 0) {
                                p += ws;
                            } else if (ws < 0 && !eof) {
                                break scanning;
                            } else {
                                errorAt = p;
                                pos = p;
                                return;
                            }
                        }
                    }
                }
            }
            pos = p;
            if (eof && p >= limit) {
                ended = true;
                if (state == QUOTED || field > 0 || content) {
                    records++; // the last record, without a line break (or with its quote still open)
                }
                boundary = limit;
            }
        }

        /** @return the end of the line break at {@code p}, or -1 if the byte after a CR is not read yet */
        private static int lineEnd(byte[] buf, int p, int limit, boolean eof) {
            if (buf[p] == ByteScan.LF) {
                return p + 1;
            }
            if (p + 1 < limit) {
                return buf[p + 1] == ByteScan.LF ? p + 2 : p + 1;
            }
            return eof ? p + 1 : -1;
        }

        private void recordEnd(int end) {
            if (firstEnd < 0) {
                firstEnd = end;
                firstBlank = !(field > 0 || content);
            }
            if (field > 0 || content) {
                records++;
            }
            boundary = end;
            field = 0;
            content = false;
            state = FIELD_START;
        }
    }

    /**
     * Records that are lines: JSON Lines, and TSV without quoting. A line ends at LF, CR LF or a lone CR, as
     * {@link java.io.BufferedReader#readLine()} ends it. A blank line is no record: an empty one, or for JSON Lines
     * one of white space only.
     */
    static final class Lines extends RecordScanner {
        private final boolean whitespaceIsBlank;
        /** Whether the start of the line being scanned was dropped (a line too long to hold): it is no blank line. */
        private boolean headDropped;

        Lines(boolean whitespaceIsBlank) {
            this.whitespaceIsBlank = whitespaceIsBlank;
        }

        @Override
        boolean inQuotes() {
            return false;
        }

        @Override
        int fieldIndex() {
            return 0;
        }

        @Override
        void shift(int n) {
            if (n > boundary) {
                headDropped = true;
            }
            super.shift(n);
        }

        @Override
        void scan(byte[] buf, int limit, boolean eof) {
            if (ended) {
                return;
            }
            int p = pos;
            while (true) {
                int e = ByteScan.indexOfAny(buf, p, limit, ByteScan.CR, ByteScan.LF);
                if (e >= limit) {
                    p = limit;
                    break;
                }
                int end;
                if (buf[e] == ByteScan.LF) {
                    end = e + 1;
                } else if (e + 1 < limit) {
                    end = buf[e + 1] == ByteScan.LF ? e + 2 : e + 1;
                } else if (eof) {
                    end = e + 1;
                } else {
                    p = e;
                    break;
                }
                boolean isBlank = !headDropped && blank(buf, boundary, e, whitespaceIsBlank);
                if (firstEnd < 0) {
                    firstEnd = end;
                    firstBlank = isBlank;
                }
                if (!isBlank) {
                    records++;
                }
                headDropped = false;
                boundary = end;
                p = end;
            }
            pos = p;
            if (eof && p >= limit) {
                ended = true;
                if (headDropped || (boundary < limit && !blank(buf, boundary, limit, whitespaceIsBlank))) {
                    records++;
                }
                boundary = limit;
            }
        }

        /**
         * @return whether the line {@code buf[from, to)} (its line break excluded) is no record: empty, or with
         *         {@code whitespace} made of white space only ({@link String#isBlank()} of its text)
         */
        static boolean blank(byte[] buf, int from, int to, boolean whitespace) {
            if (from == to) {
                return true;
            }
            if (!whitespace) {
                return false;
            }
            for (int i = from; i < to; i++) {
                int b = buf[i] & 0xff;
                if (b >= 0x80) {
                    return Utf8.decode(buf, i, to - i).isBlank();
                }
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return true;
        }
    }
}
