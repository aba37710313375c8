package dev.slant.datasets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.ParsedChunk.Rejection;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One input's records, read in three steps that may run on different threads: {@link #next()} cuts the input into
 * {@link RecordChunk}s at record ends (one thread, in order); {@link #parse} turns a chunk into articles and
 * problems (any thread, any order); {@link #merge} takes the parsed chunks back in input order and applies what
 * depends on order: counting, the strict mode's stop, the reject sink, and ids already taken. The records, their
 * numbers, lines and faults are those of a sequential read, whatever the threads and the chunk size. An
 * {@link ArticleReader} over a source is a {@link ChunkedArticleReader}; batch scoring drives a source itself, to
 * score each chunk on the thread that parsed it.
 *
 * <p>Records are numbered from 1 (after the header row of a delimited file); blank lines are no records. The rules
 * for delimited files: a record with fewer fields than the header is {@code MISSING_COLUMN} (naming the first
 * missing column) and one with more is {@code MALFORMED}. A character after a closing quote is {@code MALFORMED}
 * and the input cannot be read past it: in both modes that record ends the read with a {@link BadRecordException}
 * (in lenient mode after it is counted and handed to the reject sink). A quote still open at the end of the input
 * is {@code UNTERMINATED_QUOTE}: within the longest record read it is the last record's fault (a file cut short, as
 * by {@code head}), counted like any other; longer, a stray quote has swallowed the rest of the input, and the read
 * fails in both modes. A mapped column missing from the header, a mapped column named twice in it, or an input with
 * no header row fail at once, in both modes, for record 0 (the header).
 *
 * <p>The rules for JSON Lines: a record is a line that is not blank; a field value may be a string, number or
 * boolean (read as its JSON text) or null (read as empty), but the text and the title must be strings (or null); a
 * line that is not one JSON object, has a duplicate field name, or gives a mapped field an array or object is
 * {@code MALFORMED}, and the next line is read as usual. If the input's first JSON object lacks a mapped field that
 * every record needs (the id, the text, a label), the read fails at once, in both modes: the field name is most
 * likely wrong, as a CSV header would show.
 *
 * <p>In every format, a record longer than {@link ReadOptions#maxRecordBytes()} is {@code TOO_LONG}: it is read
 * through without being held, and the read goes on after it.
 */
public final class ArticleSource implements Closeable {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Parser messages are cut to this many characters in a problem's detail. */
    private static final int MAX_DETAIL = 300;
    /** Jackson's note on where an unclosed object started: always line 1 here, so only noise. */
    private static final Pattern SOURCE_NOTE = Pattern.compile(" \\(start marker at \\[Source: [^\\]]*\\]\\)");

    private final TextInput input;
    private final ArticleFormat format;
    private final ReadOptions options;
    private final ArticleAssembler assembler;
    private final ChunkSplitter splitter;
    private final List<String> columnNames;
    private final Map<String, Integer> indexByColumn = new HashMap<>();
    private final Set<String> jsonFields;
    private final ThreadLocal<DelimitedLexer> lexers;
    private final ReadReport report = new ReadReport();
    private final long skipped;
    private boolean firstObjectSeen;
    private boolean ended;
    /** The line on which the next chunk to merge starts. */
    private long nextLine = 1;

    private ArticleSource(TextInput input, ArticleFormat format, List<String> columnNames,
            Function<List<String>, ColumnMapping> mappingFor, ReadOptions options) throws IOException {
        this.input = input;
        this.format = format;
        this.options = options;
        this.skipped = input.skipped();
        this.splitter = new ChunkSplitter(input.bytes(), () -> RecordScanner.of(format), options.chunkBytes(),
                options.maxRecordBytes(), input.skipped());
        ColumnMapping mapping;
        if (format.delimited()) {
            this.lexers = ThreadLocal.withInitial(() -> new DelimitedLexer(format));
            this.columnNames = columnNames.isEmpty() ? readHeader() : List.copyOf(columnNames);
            mapping = Objects.requireNonNull(mappingFor.apply(this.columnNames), "mapping");
            indexColumns(mapping, !columnNames.isEmpty());
        } else {
            if (!columnNames.isEmpty()) {
                throw new IllegalArgumentException("column names are for delimited files, not " + format.label());
            }
            this.lexers = null;
            this.columnNames = List.of();
            mapping = Objects.requireNonNull(mappingFor.apply(List.of()), "mapping");
        }
        this.assembler = new ArticleAssembler(mapping);
        this.jsonFields = new LinkedHashSet<>(mapping.columns());
        report.bytes(skipped);
    }

    /**
     * Starts reading an opened input; a delimited input's header row is read and checked here.
     *
     * @param input       the input; closed by {@link #close()}, and at once if this method throws
     * @param format      its format
     * @param columnNames the column names of a delimited file without a header row; empty when the first row is
     *                    the header, and always for JSONL
     * @param mapping     which columns make the article
     * @param options     what to do with bad records, and the longest record
     * @return the source; the caller closes it
     * @throws IOException              if the input cannot be read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws BadInputException        if the input is not UTF-8 text
     * @throws IllegalArgumentException if column names are given for JSONL, or a mapped column is not among them
     */
    public static ArticleSource open(TextInput input, ArticleFormat format, List<String> columnNames,
            ColumnMapping mapping, ReadOptions options) throws IOException {
        Objects.requireNonNull(mapping, "mapping");
        return open(input, format, columnNames, names -> mapping, options);
    }

    /**
     * Starts reading an opened input with a mapping chosen once the column names are known: from the header row of
     * a delimited input, else as given (none for JSONL).
     *
     * @param input       the input; closed by {@link #close()}, and at once if this method throws
     * @param format      its format
     * @param columnNames the column names of a delimited file without a header row; empty when the first row is
     *                    the header, and always for JSONL
     * @param mappingFor  the mapping, given the column names (empty for JSONL)
     * @param options     what to do with bad records, and the longest record
     * @return the source; the caller closes it
     * @throws IOException              if the input cannot be read
     * @throws BadRecordException       if the header lacks a mapped column, names one twice, or is missing
     * @throws BadInputException        if the input is not UTF-8 text
     * @throws IllegalArgumentException if column names are given for JSONL, or a mapped column is not among them
     */
    public static ArticleSource open(TextInput input, ArticleFormat format, List<String> columnNames,
            Function<List<String>, ColumnMapping> mappingFor, ReadOptions options) throws IOException {
        Objects.requireNonNull(input, "input");
        try {
            return new ArticleSource(input, Objects.requireNonNull(format, "format"), List.copyOf(columnNames),
                    Objects.requireNonNull(mappingFor, "mappingFor"), Objects.requireNonNull(options, "options"));
        } catch (IOException | RuntimeException e) {
            IoFailures.closeAfter(e, input);
            throw e;
        }
    }

    /** @return how messages name the input */
    public String name() {
        return input.name();
    }

    /** @return the options the source reads with */
    public ReadOptions options() {
        return options;
    }

    /** @return the column names of a delimited input, from the header row or as given; empty for JSONL */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return the mapping */
    public ColumnMapping mapping() {
        return assembler.mapping();
    }

    private List<String> readHeader() throws IOException {
        byte[] header = splitter.header(RecordScanner.of(format));
        if (header != null) {
            nextLine += ByteScan.lineBreaks(header, 0, header.length);
        }
        if (header == null) {
            throw headerProblem("", RecordProblem.Reason.TOO_LONG, "the header row is longer than the longest "
                    + "record read (" + options.maxRecordBytes() + " bytes)");
        }
        DelimitedLexer lexer = lexers.get();
        int r = lexer.record(header, 0, header.length);
        if (r == DelimitedLexer.END) {
            throw headerProblem("", RecordProblem.Reason.MALFORMED, "the file is empty: no header row");
        }
        if (r == DelimitedLexer.UNTERMINATED) {
            throw headerProblem("", RecordProblem.Reason.UNTERMINATED_QUOTE,
                    "a quoted column name is still open at the end of the input");
        }
        if (r == DelimitedLexer.BROKEN) {
            throw headerProblem("", RecordProblem.Reason.MALFORMED, brokenDetail(characterAt(header, lexer.errorAt,
                    header.length), 1 + ByteScan.lineBreaks(header, 0, lexer.errorAt)));
        }
        return List.copyOf(lexer.all(header));
    }

    private void indexColumns(ColumnMapping mapping, boolean namesGiven) {
        for (int i = columnNames.size() - 1; i >= 0; i--) {
            indexByColumn.put(columnNames.get(i), i);
        }
        for (String column : mapping.columns()) {
            Integer index = indexByColumn.get(column);
            if (index == null) {
                String listed = columnNames.stream().map(n -> "'" + TextInput.displayable(n) + "'")
                        .collect(Collectors.joining(", "));
                if (namesGiven) {
                    throw new IllegalArgumentException("column '" + column + "' is not among the column names given ("
                            + listed + ")");
                }
                throw headerProblem(column, RecordProblem.Reason.MISSING_COLUMN,
                        "no such column in the header (" + listed + ")");
            }
            int last = columnNames.lastIndexOf(column);
            if (last != index) {
                String detail = "the column is named twice (columns " + (index + 1) + " and " + (last + 1) + ")";
                if (namesGiven) {
                    throw new IllegalArgumentException("column '" + column + "': " + detail);
                }
                throw headerProblem(column, RecordProblem.Reason.MALFORMED, detail);
            }
        }
    }

    private BadRecordException headerProblem(String column, RecordProblem.Reason reason, String detail) {
        return new BadRecordException(new RecordProblem(name(), 0, 1, column, reason, detail), null);
    }

    /**
     * Cuts the next chunk. Call from one thread at a time, in turn.
     *
     * @return the next chunk in input order, or null after the last
     * @throws IOException       on I/O failure of the input
     * @throws BadInputException if the input turns out not to be readable text (a truncated gzip stream)
     */
    public RecordChunk next() throws IOException {
        try {
            return splitter.next();
        } catch (IOException e) {
            throw new IOException(name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a chunk. Any thread may call it, for any chunk, in any order.
     *
     * @param chunk a chunk {@link #next()} returned
     * @return its records
     */
    public ParsedChunk parse(RecordChunk chunk) {
        Parsed out = new Parsed(chunk);
        if (chunk.oversized != null) {
            oversized(chunk, out);
        } else if (format.delimited() && format != ArticleFormat.TSV_UNQUOTED) {
            parseDelimited(chunk, out);
        } else {
            parseLines(chunk, out);
        }
        if (out.size != chunk.records) {
            throw new IllegalStateException(name() + ": the chunk from record " + chunk.firstRecord + " held "
                    + out.size + " records for the lexer and " + chunk.records + " for the splitter");
        }
        return new ParsedChunk(chunk.sequence, out.outcomes, out.size, chunk.endOffset + skipped, chunk.firstRecord,
                out.lines, out.lineBreaks, out.starts, chunk);
    }

    /** Where one chunk's outcomes gather; lines count from 0 at the chunk's first byte. */
    private static final class Parsed {
        final Object[] outcomes;
        final long[] lines;
        final int[] starts;
        int size;
        long lineBreaks;

        Parsed(RecordChunk chunk) {
            outcomes = new Object[chunk.records];
            lines = new long[chunk.records];
            starts = new int[chunk.records];
        }

        void add(Object outcome, long line, int start) {
            if (size == outcomes.length) {
                size++; // more records than the splitter counted: parse() reports it
                return;
            }
            outcomes[size] = outcome;
            lines[size] = line;
            starts[size] = start;
            size++;
        }
    }

    private String columnName(int field) {
        return field >= 0 && field < columnNames.size() ? columnNames.get(field) : "";
    }

    /** A problem whose record starts on line {@code line} of its chunk, counted from 0. */
    private java.util.function.LongFunction<RecordProblem> at(long record, long line, String column,
            RecordProblem.Reason reason, String detail) {
        String file = name();
        return base -> new RecordProblem(file, record, base + line, column, reason, detail);
    }

    private void oversized(RecordChunk chunk, Parsed out) {
        RecordChunk.Oversized o = chunk.oversized;
        out.lineBreaks = o.lines();
        if (chunk.records == 0) {
            return;
        }
        long record = chunk.firstRecord;
        String file = name();
        Rejection r = switch (o.end()) {
            case UNTERMINATED -> unterminated(record, 0, columnName(o.field()), o.bytes());
            case BROKEN -> new Rejection(base -> new RecordProblem(file, record, base, columnName(o.field()),
                    RecordProblem.Reason.MALFORMED, brokenDetail(o.errorChar(), base + o.errorLine())),
                    RecordProblem.Reason.MALFORMED, List.of(), null, true);
            case COMPLETE -> new Rejection(tooLong(record, 0, o.bytes()), RecordProblem.Reason.TOO_LONG, List.of(),
                    null, false);
        };
        out.add(r, 0, 0);
    }

    private java.util.function.LongFunction<RecordProblem> tooLong(long record, long line, long bytes) {
        return at(record, line, "", RecordProblem.Reason.TOO_LONG, String.format(Locale.ROOT,
                "%,d bytes, more than the limit of %,d bytes", bytes, options.maxRecordBytes()));
    }

    /**
     * A record whose quoted field is still open at the end of the input. Within the longest record read, it is the
     * input's last record, cut short (as {@code head} cuts a file), and only it is lost: a bad record like any
     * other. Longer, it is most likely a stray quote that swallowed the rest of the input: the read fails, in both
     * modes, rather than count a file's worth of records as one.
     */
    private Rejection unterminated(long record, long line, String column, long bytes) {
        String file = name();
        boolean swallowed = bytes > options.maxRecordBytes();
        return new Rejection(base -> new RecordProblem(file, record, base + line, column,
                RecordProblem.Reason.UNTERMINATED_QUOTE, swallowed
                        ? String.format(Locale.ROOT, "a quoted field is open from line %d to the end of the input, "
                                + "%,d bytes, more than the limit of %,d bytes: a stray quote? nothing from line %d "
                                + "on can be read", base + line, bytes, options.maxRecordBytes(), base + line)
                        : "a quoted field is still open at the end of the input (cut short?)"),
                RecordProblem.Reason.UNTERMINATED_QUOTE, List.of(), null, swallowed);
    }

    private static String characterAt(byte[] b, int at, int to) {
        String c = Utf8.decode(b, at, Math.min(4, to - at));
        return c.isEmpty() ? "" : c.substring(0, c.offsetByCodePoints(0, 1));
    }

    private static String brokenDetail(String character, long line) {
        int cp = character.isEmpty() ? 0 : character.codePointAt(0);
        String shown = cp >= 0x21 && cp != 0x7f && !Character.isISOControl(cp) && cp != TextInput.INVALID_UTF8_MARK
                ? "'" + character + "'" : String.format(Locale.ROOT, "U+%04X", cp);
        return shown + " after a closing quote, on line " + line + " (only a delimiter or a line break may follow "
                + "it; a quote inside a quoted field is written twice); the rest of the file cannot be read";
    }

    private void parseDelimited(RecordChunk chunk, Parsed out) {
        DelimitedLexer lexer = lexers.get();
        byte[] b = chunk.bytes;
        long record = chunk.firstRecord;
        long line = 0;
        int p = 0;
        String file = name();
        while (true) {
            int start = p;
            int r = lexer.record(b, p, chunk.length);
            if (r == DelimitedLexer.END) {
                break;
            }
            if (r == DelimitedLexer.UNTERMINATED) {
                out.add(unterminated(record, line, columnName(lexer.fields - 1), chunk.length - start), line, start);
                line += ByteScan.lineBreaks(b, start, chunk.length);
                break;
            }
            if (r == DelimitedLexer.BROKEN) {
                long first = line;
                long number = record;
                String column = columnName(lexer.fields - 1);
                long errorLine = line + ByteScan.lineBreaks(b, start, lexer.errorAt);
                String character = characterAt(b, lexer.errorAt, chunk.length);
                out.add(new Rejection(base -> new RecordProblem(file, number, base + first, column,
                        RecordProblem.Reason.MALFORMED, brokenDetail(character, base + errorLine)),
                        RecordProblem.Reason.MALFORMED, List.of(), null, true), line, start);
                break;
            }
            long breaks = ByteScan.lineBreaks(b, start, lexer.next);
            p = lexer.next;
            if (!lexer.blank()) {
                out.add(delimitedRecord(lexer, b, start, p, record, line), line, start);
                record++;
            }
            line += breaks;
        }
        out.lineBreaks = line;
    }

    /** The outcome of a delimited record the lexer has just read from {@code b[start, end)}. */
    private Object delimitedRecord(DelimitedLexer lexer, byte[] b, int start, int end, long record, long line) {
        int expected = columnNames.size();
        if (end - start > options.maxRecordBytes()) {
            return new Rejection(tooLong(record, line, end - start), RecordProblem.Reason.TOO_LONG, List.of(), null,
                    false);
        }
        if (lexer.fields < expected) {
            return new Rejection(at(record, line, columnNames.get(lexer.fields), RecordProblem.Reason.MISSING_COLUMN,
                    "the record has " + lexer.fields + " of " + expected + " fields"),
                    RecordProblem.Reason.MISSING_COLUMN, lexer.all(b), null, false);
        }
        if (lexer.fields > expected) {
            return new Rejection(at(record, line, "", RecordProblem.Reason.MALFORMED,
                    "the record has " + lexer.fields + " fields, the header " + expected),
                    RecordProblem.Reason.MALFORMED, lexer.all(b), null, false);
        }
        String[] values = new String[expected];
        ArticleAssembler.Outcome o = assembler.assemble(column -> {
            int i = indexByColumn.get(column);
            String v = values[i];
            if (v == null) {
                v = lexer.field(b, i);
                values[i] = v;
            }
            return v;
        }, record);
        if (o.article() != null) {
            return o.article();
        }
        return new Rejection(at(record, line, o.column(), o.reason(), o.detail()), o.reason(), lexer.all(b), null,
                false);
    }

    /** Records that are lines: JSON Lines, and TSV without quoting. */
    private void parseLines(RecordChunk chunk, Parsed out) {
        byte[] b = chunk.bytes;
        int to = chunk.length;
        boolean jsonl = format == ArticleFormat.JSONL;
        DelimitedLexer lexer = jsonl ? null : lexers.get();
        long record = chunk.firstRecord;
        long line = 0;
        int p = 0;
        while (p < to) {
            int e = ByteScan.indexOfAny(b, p, to, ByteScan.CR, ByteScan.LF);
            int end = e >= to ? to : b[e] == ByteScan.CR && e + 1 < to && b[e + 1] == ByteScan.LF ? e + 2 : e + 1;
            if (!RecordScanner.Lines.blank(b, p, e, jsonl)) {
                Object outcome;
                if (end - p > options.maxRecordBytes()) {
                    outcome = new Rejection(tooLong(record, line, end - p), RecordProblem.Reason.TOO_LONG, List.of(),
                            null, false);
                } else if (jsonl) {
                    outcome = jsonRecord(b, p, e, record, line);
                } else {
                    lexer.record(b, p, end);
                    outcome = delimitedRecord(lexer, b, p, end, record, line);
                }
                out.add(outcome, line, p);
                record++;
            }
            if (e < to) {
                line++;
            }
            p = end;
        }
        out.lineBreaks = line;
    }

    /** What is wrong with a line that is not one JSON object of scalar mapped fields, and the parser's error. */
    private record Fault(String column, String detail, Throwable cause) {
        Fault(String column, String detail) {
            this(column, detail, null);
        }
    }

    /**
     * A JSON line read from its bytes: Jackson's byte parser, when the line is well-formed UTF-8 that Jackson reads
     * as UTF-8 (no byte order mark, no NUL among its first bytes) and the line is a well-formed object; anything
     * else goes through {@link #jsonRecord(String, long, long)} on the decoded line, which gives bad bytes their
     * mark and errors their message as the text parser words them. The two agree on every line the first takes: a
     * string's value is its characters either way.
     */
    private Object jsonRecord(byte[] b, int from, int to, long record, long lineNumber) {
        if (!Utf8.wellFormed(b, from, to) || !jacksonReadsAsUtf8(b, from, to)) {
            return jsonRecord(Utf8.decode(b, from, to - from), record, lineNumber);
        }
        Map<String, String> values = new HashMap<>();
        try (JsonParser json = JSON.createParser(b, from, to - from)) {
            if (parseObject(json, values) != null) {
                return jsonRecord(Utf8.decode(b, from, to - from), record, lineNumber);
            }
        } catch (IOException e) {
            return jsonRecord(Utf8.decode(b, from, to - from), record, lineNumber);
        }
        ArticleAssembler.Outcome o = assembler.assemble(values::get, record);
        if (o.article() != null) {
            return o.article();
        }
        String line = Utf8.decode(b, from, to - from);
        List<String> fields = o.reason() == RecordProblem.Reason.MISSING_COLUMN ? fieldNames(line) : List.of();
        return new Rejection(at(record, lineNumber, o.column(), o.reason(), o.detail()), o.reason(), List.of(line),
                null, false, true, fields);
    }

    /** Jackson guesses a byte source's encoding from a byte order mark or NUL bytes among its first four. */
    private static boolean jacksonReadsAsUtf8(byte[] b, int from, int to) {
        if (to - from >= 3 && b[from] == (byte) 0xef && b[from + 1] == (byte) 0xbb && b[from + 2] == (byte) 0xbf) {
            return false;
        }
        for (int i = from; i < Math.min(to, from + 4); i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private Object jsonRecord(String line, long record, long lineNumber) {
        Map<String, String> values = new HashMap<>();
        Fault fault;
        boolean object = true;
        try (JsonParser json = JSON.createParser(line)) {
            fault = parseObject(json, values);
            object = fault == null || !fault.column().isEmpty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("");
            String detail = (at == null ? "" : "at character " + at.getColumnNr() + ": ") + message;
            fault = new Fault("", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail, e);
            object = false;
        } catch (IOException e) {
            throw new UncheckedIOException("parsing a line held in memory failed", e);
        }
        if (fault != null) {
            return new Rejection(at(record, lineNumber, fault.column(), RecordProblem.Reason.MALFORMED,
                    fault.detail()), RecordProblem.Reason.MALFORMED, List.of(line), fault.cause(), false, object,
                    List.of());
        }
        ArticleAssembler.Outcome o = assembler.assemble(values::get, record);
        if (o.article() != null) {
            return o.article();
        }
        List<String> fields = o.reason() == RecordProblem.Reason.MISSING_COLUMN ? fieldNames(line) : List.of();
        return new Rejection(at(record, lineNumber, o.column(), o.reason(), o.detail()), o.reason(), List.of(line),
                null, false, true, fields);
    }

    /**
     * Reads one object's mapped fields into {@code values}.
     *
     * @return null if the line is one JSON object whose mapped fields are scalars (strings for the text and the
     *         title), else what is wrong; a fault with a column means the line was an object
     */
    private Fault parseObject(JsonParser json, Map<String, String> values) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return new Fault("", "the line is not a JSON object");
        }
        ColumnMapping mapping = assembler.mapping();
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (!jsonFields.contains(name)) {
                json.skipChildren();
            } else if (value == JsonToken.VALUE_NULL) {
                values.put(name, "");
            } else if (value == JsonToken.VALUE_STRING) {
                values.put(name, json.getText());
            } else if (value.isScalarValue()) {
                if (name.equals(mapping.textColumn()) || mapping.titleColumn().filter(name::equals).isPresent()) {
                    return new Fault(name, kind(value) + " where text was expected");
                }
                values.put(name, json.getText());
            } else {
                return new Fault(name, kind(value) + " where text was expected");
            }
        }
        if (json.nextToken() != null) {
            return new Fault("", "more than one JSON value on the line");
        }
        return null;
    }

    private static String kind(JsonToken value) {
        return switch (value) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "a " + value.name().toLowerCase(Locale.ROOT);
        };
    }

    /** @return the top-level field names of a line known to be one JSON object */
    private static List<String> fieldNames(String line) {
        List<String> names = new ArrayList<>();
        try (JsonParser json = JSON.createParser(line)) {
            json.nextToken();
            for (JsonToken t = json.nextToken(); t == JsonToken.FIELD_NAME; t = json.nextToken()) {
                names.add(json.currentName());
                json.nextToken();
                json.skipChildren();
            }
        } catch (IOException e) {
            // The line parsed once; whatever it had is listed.
        }
        return names;
    }

    /** Hears the articles a merge accepts. */
    @FunctionalInterface
    public interface Accepted {
        /**
         * @param index   the record's place in its chunk ({@link ParsedChunk#article(int)})
         * @param article the article
         * @throws IOException if the caller's output fails
         */
        void accept(int index, LabelledArticle article) throws IOException;
    }

    /**
     * Takes a parsed chunk in input order: counts its records, hands each rejected one to the reject sink (or, in
     * strict mode, throws), refuses ids already taken, and hands each accepted article on. Call from one thread, for
     * each chunk in the order {@link #next()} cut them.
     *
     * @param chunk    the next chunk in input order, parsed
     * @param accepted hears each accepted article, in order
     * @throws BadRecordException on a bad record in strict mode, a record the input cannot be read past, or a
     *                            first JSON object that lacks a mapped field
     * @throws IOException        if the reject sink or the caller's output fails
     */
    public void merge(ParsedChunk chunk, Accepted accepted) throws IOException {
        if (ended) {
            throw new IllegalStateException("the read of " + name() + " has ended");
        }
        boolean jsonl = format == ArticleFormat.JSONL;
        long base = nextLine;
        for (int i = 0; i < chunk.size; i++) {
            long record = chunk.firstRecord + i;
            Object o = chunk.outcomes[i];
            if (o instanceof LabelledArticle article) {
                firstObjectSeen = true;
                ArticleAssembler.Outcome taken = assembler.claimId(article, record);
                if (taken == null) {
                    report.accept();
                    accepted.accept(i, article);
                } else {
                    rejected(taken.problem(name(), record, base + chunk.lines[i]), raw(chunk, i), null);
                }
                continue;
            }
            Rejection r = (Rejection) o;
            RecordProblem problem = r.problem().apply(base);
            if (jsonl && !firstObjectSeen && r.object()) {
                firstObjectSeen = true;
                if (r.reason() == RecordProblem.Reason.MISSING_COLUMN) {
                    ended = true;
                    throw new BadRecordException(new RecordProblem(problem.file(), problem.recordNumber(),
                            problem.line(), problem.column(), problem.reason(), "the first JSON object has no field '"
                            + problem.column() + "' (its fields: " + r.fields().stream()
                                    .map(f -> "'" + TextInput.displayable(f) + "'").collect(Collectors.joining(", "))
                            + "); is the field's name right?"), null);
                }
            }
            rejected(problem, r.raw(), r.cause());
            if (r.endsRead()) {
                ended = true;
                throw new BadRecordException(problem, r.cause());
            }
        }
        nextLine += chunk.lineBreaks;
        report.bytes(chunk.endOffset);
        splitter.recycle(chunk.source);
    }

    /** The fields of an accepted record, read again for the reject sink (its id turned out to be taken). */
    private List<String> raw(ParsedChunk chunk, int i) {
        RecordChunk source = chunk.source;
        int start = chunk.starts[i];
        if (format == ArticleFormat.JSONL) {
            int e = ByteScan.indexOfAny(source.bytes, start, source.length, ByteScan.CR, ByteScan.LF);
            return List.of(Utf8.decode(source.bytes, start, e - start));
        }
        DelimitedLexer lexer = lexers.get();
        lexer.record(source.bytes, start, source.length);
        return lexer.all(source.bytes);
    }

    /** Counts a rejected record and throws in strict mode, else hands it to the reject sink. */
    private void rejected(RecordProblem problem, List<String> rawFields, Throwable cause) throws IOException {
        report.reject(problem.reason());
        if (options.mode() == ReadMode.STRICT) {
            ended = true;
            throw new BadRecordException(problem, cause);
        }
        List<String> shown = new ArrayList<>(rawFields.size());
        rawFields.forEach(f -> shown.add(TextInput.displayable(f)));
        try {
            options.rejects().reject(problem, shown);
        } catch (IOException e) {
            throw new IOException("cannot write the rejected record (" + problem.message() + "): " + e.getMessage(), e);
        }
    }

    /** @return counts so far: of the chunks merged */
    public ReadReport report() {
        return report.snapshot();
    }

    /**
     * Closes the input (not the reject sink, which belongs to the caller).
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        ended = true;
        input.close();
    }
}
