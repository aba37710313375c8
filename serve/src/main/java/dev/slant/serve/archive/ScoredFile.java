package dev.slant.serve.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.TextInput;
import dev.slant.inference.batch.OutputFormat;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a scored file row by row, in constant memory: what {@code slant score} writes (CSV with {@code id},
 * {@code <target>} and {@code <target>_probability} columns, or JSON Lines of predictions), and what the page's
 * archives download (the same with {@code title}, {@code outlet} and {@code date} beside). A target is every
 * column {@code T} beside a {@code T_probability} column (CSV), or every field holding an object with
 * {@code "abstained"} (JSON Lines); an empty label, or {@code "abstained": true}, is an abstention. The outlet is
 * the column named {@code outlet} (else {@code source}), the date {@code date}, unless {@link Columns} names others.
 *
 * <p>Gzip is read as the library's readers read it ({@link TextInput}: detected by content, UTF-8, byte order
 * mark skipped). A row with the wrong number of fields, a probability that is not a number or a line that is
 * not a JSON object is skipped and counted ({@link #malformed()}); a record longer than
 * {@link #MAX_RECORD_CHARS} characters (a stray quote that would swallow the rest of the file) ends the read with
 * a {@link BadInputException} naming the file and line.
 */
public final class ScoredFile implements Closeable {
    /** The longest record read, in characters. */
    public static final int MAX_RECORD_CHARS = 16 << 20;
    private static final String PROBABILITY = "_probability";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Which columns hold the outlet, the date and the title; null for the usual names.
     *
     * @param outlet the outlet's column (default: {@code outlet}, else {@code source})
     * @param date   the date's column (default: {@code date})
     * @param title  the title's column (default: {@code title})
     */
    public record Columns(String outlet, String date, String title) {
        /** The usual names. */
        public static final Columns DEFAULT = new Columns(null, null, null);
    }

    private final String name;
    private final TextInput input;
    private final LimitedReader reader;
    private final boolean jsonl;
    private final Columns columns;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final List<String> targets = new ArrayList<>();
    private final int[] labelColumn;
    private final int[] probabilityColumn;
    private int idColumn = -1;
    private int titleColumn = -1;
    private int outletColumn = -1;
    private int dateColumn = -1;
    private int width;
    private String outletName;
    private String dateName;
    private String titleName;
    private JsonNode firstJson;
    private Map<String, Integer> index;
    private boolean atEnd;
    private long rows;
    private long malformed;
    private long line;

    private ScoredFile(TextInput input, boolean jsonl, Columns columns) throws IOException {
        this.name = input.name();
        this.input = input;
        this.reader = new LimitedReader(input.reader());
        this.jsonl = jsonl;
        this.columns = Objects.requireNonNull(columns, "columns");
        if (jsonl) {
            csv = null;
            records = null;
            readFirstJson();
        } else {
            csv = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
            records = csv.iterator();
            readHeader();
        }
        labelColumn = new int[targets.size()];
        probabilityColumn = new int[targets.size()];
        if (!jsonl) {
            mapCsvTargets();
        }
        if (targets.isEmpty()) {
            throw new BadInputException(name + ": no predictions found: a scored file has a column T beside a column "
                    + "T_probability for each target (CSV), or per target a field {\"label\", \"abstained\", ...} (JSON Lines), "
                    + "as slant score writes them");
        }
    }

    /**
     * Opens a scored file, its layout told by its name ({@code .csv} or {@code .jsonl}/{@code .ndjson}, optionally
     * {@code .gz}).
     *
     * @param file    the file
     * @param columns where the outlet, date and title are
     * @return the reader; the caller closes it
     * @throws IOException              if the file cannot be read
     * @throws BadInputException        if it holds no predictions, or a record is too long
     * @throws IllegalArgumentException if its name tells no layout
     */
    public static ScoredFile open(Path file, Columns columns) throws IOException {
        boolean jsonl = OutputFormat.fromFileName(file.getFileName().toString()) == OutputFormat.JSONL;
        TextInput input = TextInput.open(file);
        try {
            return new ScoredFile(input, jsonl, columns);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * Reads an opened input.
     *
     * @param input   the input; closed by {@link #close()}, and at once if this throws
     * @param jsonl   whether it is JSON Lines (else CSV)
     * @param columns where the outlet, date and title are
     * @return the reader
     * @throws IOException       if it cannot be read
     * @throws BadInputException if it holds no predictions
     */
    public static ScoredFile of(TextInput input, boolean jsonl, Columns columns) throws IOException {
        try {
            return new ScoredFile(input, jsonl, columns);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** @return the file's name as messages give it */
    public String name() {
        return name;
    }

    /** @return the targets, in the file's order */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    /** @return the outlet's column, or null if the file has none */
    public String outletColumn() {
        return outletName;
    }

    /** @return the date's column, or null if the file has none */
    public String dateColumn() {
        return dateName;
    }

    /** @return the title's column, or null if the file has none */
    public String titleColumn() {
        return titleName;
    }

    /** @return rows skipped as malformed so far */
    public long malformed() {
        return malformed;
    }

    /** @return rows read so far, malformed ones included */
    public long rows() {
        return rows;
    }

    /**
     * @return the next row, or null at the end of the file
     * @throws IOException       if the file cannot be read
     * @throws BadInputException if a record is longer than {@link #MAX_RECORD_CHARS}
     */
    public ScoredRow next() throws IOException {
        while (true) {
            reader.startRecord();
            ScoredRow row;
            try {
                row = jsonl ? nextJson() : nextCsv();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            if (row != null || atEnd) {
                return row;
            }
        }
    }

    // ---- CSV ---------------------------------------------------------------------------------------------------

    private void readHeader() throws IOException {
        if (!records.hasNext()) {
            throw new BadInputException(name + ": the file is empty; expected a header row");
        }
        CSVRecord header = records.next();
        line = csv.getCurrentLineNumber();
        List<String> names = header.toList();
        width = names.size();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i), i);
        }
        for (String n : names) {
            if (index.containsKey(n + PROBABILITY) && !n.isEmpty()) {
                targets.add(n);
            }
        }
        idColumn = find(index, "id", "ID");
        titleColumn = columns.title() != null ? required(index, columns.title(), "title") : find(index, "title");
        outletColumn = columns.outlet() != null ? required(index, columns.outlet(), "outlet") : find(index, "outlet", "source");
        dateColumn = columns.date() != null ? required(index, columns.date(), "date") : find(index, "date");
        titleName = titleColumn < 0 ? null : names.get(titleColumn);
        outletName = outletColumn < 0 ? null : names.get(outletColumn);
        dateName = dateColumn < 0 ? null : names.get(dateColumn);
        firstJson = null;
        this.index = index;
    }

    private void mapCsvTargets() {
        for (int t = 0; t < targets.size(); t++) {
            labelColumn[t] = index.get(targets.get(t));
            probabilityColumn[t] = index.get(targets.get(t) + PROBABILITY);
        }
    }

    private static int find(Map<String, Integer> index, String... names) {
        for (String n : names) {
            Integer i = index.get(n);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    private int required(Map<String, Integer> index, String column, String what) {
        Integer i = index.get(column);
        if (i == null) {
            throw new BadInputException(name + ": no column '" + column + "' for the " + what + "; the columns are "
                    + index.keySet());
        }
        return i;
    }

    private ScoredRow nextCsv() {
        if (!records.hasNext()) {
            atEnd = true;
            return null;
        }
        CSVRecord r = records.next();
        rows++;
        if (r.size() != width) {
            malformed++;
            return null;
        }
        List<String> labels = new ArrayList<>(targets.size());
        double[] p = new double[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            String label = r.get(labelColumn[t]);
            String probability = r.get(probabilityColumn[t]);
            if (label.isEmpty()) {
                labels.add(null);
                p[t] = Double.NaN;
                continue;
            }
            labels.add(label);
            try {
                p[t] = probability.isEmpty() ? Double.NaN : Double.parseDouble(probability);
            } catch (NumberFormatException e) {
                malformed++;
                return null;
            }
        }
        return new ScoredRow(rows, field(r, idColumn), field(r, titleColumn), field(r, outletColumn), field(r, dateColumn),
                labels, p);
    }

    private static String field(CSVRecord r, int column) {
        return column < 0 ? "" : r.get(column);
    }

    // ---- JSON Lines --------------------------------------------------------------------------------------------

    private void readFirstJson() throws IOException {
        String first;
        JsonNode json = null;
        while ((first = readLine()) != null) {
            if (first.isBlank()) {
                continue;
            }
            try {
                json = JSON.readTree(first);
            } catch (JsonProcessingException e) {
                json = null;
            }
            break;
        }
        if (json == null || !json.isObject()) {
            throw new BadInputException(name + ": line " + line + " is not a JSON object; expected JSON Lines of predictions");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && e.getValue().has("abstained")) {
                targets.add(e.getKey());
            }
        }
        titleName = columns.title() != null ? columns.title() : "title";
        outletName = columns.outlet() != null ? columns.outlet() : json.has("outlet") || !json.has("source") ? "outlet" : "source";
        dateName = columns.date() != null ? columns.date() : "date";
        titleName = json.has(titleName) ? titleName : null;
        outletName = json.has(outletName) ? outletName : null;
        dateName = json.has(dateName) ? dateName : null;
        firstJson = json;
    }

    private ScoredRow nextJson() throws IOException {
        JsonNode json;
        if (firstJson != null) {
            json = firstJson;
            firstJson = null;
        } else {
            String text = readLine();
            if (text == null) {
                atEnd = true;
                return null;
            }
            if (text.isBlank()) {
                return null;
            }
            try {
                json = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                rows++;
                malformed++;
                return null;
            }
        }
        rows++;
        if (json == null || !json.isObject()) {
            malformed++;
            return null;
        }
        List<String> labels = new ArrayList<>(targets.size());
        double[] p = new double[targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            JsonNode target = json.get(targets.get(t));
            if (target == null || !target.isObject()) {
                malformed++;
                return null;
            }
            JsonNode label = target.get("label");
            if (target.path("abstained").asBoolean(false) || label == null || !label.isTextual()) {
                labels.add(null);
                p[t] = Double.NaN;
            } else {
                labels.add(label.textValue());
                JsonNode probability = target.get("probability");
                p[t] = probability != null && probability.isNumber() ? probability.doubleValue() : Double.NaN;
            }
        }
        return new ScoredRow(rows, text(json, "id"), text(json, titleName), text(json, outletName), text(json, dateName),
                labels, p);
    }

    private static String text(JsonNode json, String field) {
        if (field == null) {
            return "";
        }
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? "" : v.isTextual() ? v.textValue() : v.toString();
    }

    private final char[] chars = new char[1 << 16];
    private int charsStart;
    private int charsEnd;

    /** One line without its end, or null at the end; a line longer than the limit ends the read. */
    private String readLine() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (charsStart == charsEnd) {
                int n = reader.read(chars, 0, chars.length);
                if (n < 0) {
                    if (sb == null) {
                        return null;
                    }
                    break;
                }
                charsStart = 0;
                charsEnd = n;
            }
            int i = charsStart;
            while (i < charsEnd && chars[i] != '\n') {
                i++;
            }
            if (sb == null) {
                sb = new StringBuilder(Math.max(16, i - charsStart));
            }
            sb.append(chars, charsStart, i - charsStart);
            if (i < charsEnd) {
                charsStart = i + 1;
                break;
            }
            charsStart = charsEnd;
        }
        line++;
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            if (csv != null) {
                csv.close();
            }
        } finally {
            input.close();
        }
    }

    /** Counts the characters of the current record and refuses one longer than {@link #MAX_RECORD_CHARS}. */
    private final class LimitedReader extends FilterReader {
        private long count;
        private long mark;
        private long startLine = 1;

        LimitedReader(Reader in) {
            super(in);
        }

        void startRecord() {
            mark = count;
            startLine = csv != null ? csv.getCurrentLineNumber() + 1 : line + 1;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                add(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            // The CSV parser reads ahead in blocks of a few KB, so the check is as exact as that.
            if (count - mark > MAX_RECORD_CHARS) {
                throw new BadInputException(String.format(Locale.ROOT, "%s: the record at line %d is longer than %,d "
                        + "characters (an unterminated quote?)", name, startLine, MAX_RECORD_CHARS));
            }
        }
    }
}
