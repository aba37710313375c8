package dev.slant.datasets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads articles from JSON Lines: one JSON object per line, the mapping's "columns" being top-level field
 * names (Jackson's streaming parser underneath; fields the mapping does not read are skipped unparsed).
 *
 * <p>Records are the non-blank lines, numbered from 1; a record's line is its physical line. A field value may
 * be a string, number or boolean (read as its JSON text) or null (read as empty); a mapped title or metadata
 * field may be absent. Beyond the rules of the {@link ColumnMapping}, a line that is not one JSON object, has
 * a duplicate field name, or gives a mapped field an array or object value is {@code MALFORMED}; the next line
 * is read as usual, in lenient mode.
 */
public final class JsonlArticleReader extends StreamingArticleReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Parser messages are cut to this many characters in a problem's detail. */
    private static final int MAX_DETAIL = 300;
    /** Jackson's note on where an unclosed object started: always line 1 here, so only noise. */
    private static final Pattern SOURCE_NOTE = Pattern.compile(" \\(start marker at \\[Source: [^\\]]*\\]\\)");

    private final BufferedReader lines;
    private final Set<String> fieldNames;
    private long lineNumber;
    private long recordNumber;

    /**
     * @param input   the opened file; closed by {@link #close()}
     * @param mapping which fields make the article
     * @param options what to do with bad records
     */
    public JsonlArticleReader(TextInput input, ColumnMapping mapping, ReadOptions options) {
        super(input, mapping, options);
        this.lines = new BufferedReader(input.reader(), TextInput.BUFFER_SIZE);
        this.fieldNames = new HashSet<>(mapping.columns());
    }

    /**
     * Opens a file and starts reading it.
     *
     * @param file    the file, gzip-compressed or not
     * @param mapping which fields make the article
     * @param options what to do with bad records
     * @return the reader; the caller closes it
     * @throws IOException if the file cannot be opened
     */
    public static JsonlArticleReader open(Path file, ColumnMapping mapping, ReadOptions options) throws IOException {
        return new JsonlArticleReader(TextInput.open(file), mapping, options);
    }

    @Override
    boolean readRecord() throws IOException {
        String line;
        do {
            line = lines.readLine();
            if (line == null) {
                return false;
            }
            lineNumber++;
        } while (line.isBlank());
        recordNumber++;
        Map<String, String> values = new HashMap<>();
        Fault fault;
        try (JsonParser json = JSON.createParser(line)) {
            fault = parseObject(json, values);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("");
            String detail = (at == null ? "" : "at character " + at.getColumnNr() + ": ") + message;
            fault = new Fault("", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail, e);
        }
        if (fault != null) {
            rejected(new RecordProblem(fileName(), recordNumber, lineNumber, fault.column(),
                    RecordProblem.Reason.MALFORMED, fault.detail()), List.of(line), fault.cause());
        } else {
            assemble(values::get, recordNumber, lineNumber, List.of(line));
        }
        return true;
    }

    /** What is wrong with a line that is not one JSON object of scalar mapped fields, and the parser's error. */
    private record Fault(String column, String detail, Throwable cause) {
        Fault(String column, String detail) {
            this(column, detail, null);
        }
    }

    /**
     * Reads one object's mapped fields into {@code values}.
     *
     * @return null if the line is one JSON object whose mapped fields are scalars, else what is wrong
     */
    private Fault parseObject(JsonParser json, Map<String, String> values) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return new Fault("", "the line is not a JSON object");
        }
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (!fieldNames.contains(name)) {
                json.skipChildren();
            } else if (value == JsonToken.VALUE_NULL) {
                values.put(name, "");
            } else if (value.isScalarValue()) {
                values.put(name, json.getText());
            } else {
                return new Fault(name, (value == JsonToken.START_ARRAY ? "an array" : "an object")
                        + " where text was expected");
            }
        }
        if (json.nextToken() != null) {
            return new Fault("", "more than one JSON value on the line");
        }
        return null;
    }
}
