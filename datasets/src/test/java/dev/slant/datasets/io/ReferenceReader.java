package dev.slant.datasets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.slant.datasets.LabelledArticle;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The readers as they were before the chunked reader, one record at a time over decoded text: Commons CSV for
 * delimited files, {@link BufferedReader#readLine()} and Jackson for JSON Lines. Tests compare the chunked reader
 * against it on random inputs: the same articles, the same rejects (record, line, reason, column and raw fields) and
 * the same end. Where the rules changed on purpose, it follows the new ones (the JSON text and title must be
 * strings; a first JSON object without a needed field fails the read; a quote left open at the end of the input
 * is the last record's fault, not the read's); the details of parse errors, which the old reader took from Commons
 * CSV's messages, are not compared.
 */
final class ReferenceReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ReferenceReader() {
    }

    /** What a read gives: accepted articles and rejects as comparable lines, and how it ended. */
    record Result(List<String> articles, List<String> rejects, String end) {
    }

    static String article(LabelledArticle a) {
        return a.id() + "|" + a.article().title() + "|" + a.article().text() + "|" + a.labels().byTarget() + "|"
                + new java.util.TreeMap<>(a.article().metadata());
    }

    static String reject(RecordProblem p, List<String> raw) {
        boolean parse = p.reason() == RecordProblem.Reason.UNTERMINATED_QUOTE
                || (p.reason() == RecordProblem.Reason.MALFORMED && raw.isEmpty());
        return p.recordNumber() + " " + p.line() + " " + p.reason() + (parse ? "" : " " + p.column() + " " + raw);
    }

    static String end(RuntimeException e) {
        if (e == null) {
            return "ok";
        }
        if (e instanceof BadRecordException b) {
            RecordProblem p = b.problem();
            return "bad record: " + p.recordNumber() + " " + p.line() + " " + p.reason();
        }
        return e.getClass().getSimpleName();
    }

    /** Reads with the chunked reader. */
    static Result chunked(byte[] input, ArticleFormat format, ColumnMapping mapping, ReadOptions options) {
        List<String> articles = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        RejectSink sink = new RejectSink() {
            @Override
            public void reject(RecordProblem problem, List<String> raw) {
                rejects.add(ReferenceReader.reject(problem, raw));
            }

            @Override
            public void close() {
            }
        };
        RuntimeException failure = null;
        try (ArticleReader reader = ArticleReaders.open(TextInput.of(new ByteArrayInputStream(input), "in"), format,
                List.of(), mapping, options.withRejects(sink))) {
            while (reader.hasNext()) {
                articles.add(article(reader.next()));
            }
        } catch (BadRecordException | BadInputException e) {
            failure = e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(articles, rejects, end(failure));
    }

    /** Reads as the old readers did. */
    static Result reference(byte[] input, ArticleFormat format, ColumnMapping mapping, ReadMode mode) {
        List<String> articles = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        ArticleAssembler assembler = new ArticleAssembler(mapping);
        RuntimeException failure = null;
        try (TextInput text = TextInput.of(new ByteArrayInputStream(input), "in")) {
            Emitter out = new Emitter(assembler, mode, articles, rejects);
            if (format == ArticleFormat.JSONL) {
                jsonl(new BufferedReader(text.reader()), mapping, out);
            } else {
                delimited(text, format, mapping, out);
            }
        } catch (BadRecordException | BadInputException e) {
            failure = e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(articles, rejects, end(failure));
    }

    /** Applies the mode and the id rule, as the old StreamingArticleReader did. */
    private static final class Emitter {
        final ArticleAssembler assembler;
        final ReadMode mode;
        final List<String> articles;
        final List<String> rejects;

        Emitter(ArticleAssembler assembler, ReadMode mode, List<String> articles, List<String> rejects) {
            this.assembler = assembler;
            this.mode = mode;
            this.articles = articles;
            this.rejects = rejects;
        }

        void assemble(ArticleAssembler.Fields fields, long record, long line, List<String> raw) {
            ArticleAssembler.Outcome o = assembler.assemble(fields, record);
            if (o.article() != null) {
                ArticleAssembler.Outcome taken = assembler.claimId(o.article(), record);
                if (taken == null) {
                    articles.add(article(o.article()));
                    return;
                }
                o = taken;
            }
            rejected(o.problem("in", record, line), raw);
        }

        void rejected(RecordProblem problem, List<String> raw) {
            if (mode == ReadMode.STRICT) {
                throw new BadRecordException(problem, null);
            }
            List<String> shown = new ArrayList<>();
            raw.forEach(f -> shown.add(TextInput.displayable(f)));
            rejects.add(reject(problem, shown));
        }

        void rejectedAndEnd(RecordProblem problem) {
            rejected(problem, List.of());
            throw new BadRecordException(problem, null);
        }
    }

    private static void delimited(TextInput text, ArticleFormat format, ColumnMapping mapping, Emitter out)
            throws IOException {
        CSVParser parser = CSVParser.builder().setReader(text.reader()).setFormat(csvFormat(format)).get();
        Iterator<CSVRecord> records = parser.iterator();
        List<String> header;
        try {
            if (!records.hasNext()) {
                throw new BadRecordException(new RecordProblem("in", 0, 1, "", RecordProblem.Reason.MALFORMED,
                        "empty"), null);
            }
            header = records.next().toList();
        } catch (UncheckedIOException e) {
            throw new BadRecordException(new RecordProblem("in", 0, 1, "", RecordProblem.Reason.MALFORMED,
                    "header"), null);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            index.put(header.get(i), i);
        }
        for (String column : mapping.columns()) {
            if (!index.containsKey(column) || header.lastIndexOf(column) != index.get(column)) {
                throw new BadRecordException(new RecordProblem("in", 0, 1, column,
                        index.containsKey(column) ? RecordProblem.Reason.MALFORMED
                                : RecordProblem.Reason.MISSING_COLUMN, "header"), null);
            }
        }
        long number = 0;
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                number++;
                boolean open = e.getCause().getMessage().contains("EOF reached before encapsulated token finished");
                if (open) { // at the end of the input: the last record, cut short
                    out.rejected(new RecordProblem("in", number, line, "", RecordProblem.Reason.UNTERMINATED_QUOTE,
                            ""), List.of());
                } else {
                    out.rejectedAndEnd(new RecordProblem("in", number, line, "", RecordProblem.Reason.MALFORMED, ""));
                }
                return;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            number++;
            List<String> raw = record.toList();
            if (record.size() < header.size()) {
                out.rejected(new RecordProblem("in", number, line, header.get(record.size()),
                        RecordProblem.Reason.MISSING_COLUMN, ""), raw);
            } else if (record.size() > header.size()) {
                out.rejected(new RecordProblem("in", number, line, "", RecordProblem.Reason.MALFORMED, ""), raw);
            } else {
                out.assemble(c -> record.get(index.get(c)), number, line, raw);
            }
        }
    }

    /** The Commons CSV format the readers used for a layout; empty lines kept as records, so lines stay exact. */
    static CSVFormat csvFormat(ArticleFormat format) {
        return switch (format) {
            case CSV -> CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
            case TSV -> CSVFormat.RFC4180.builder().setDelimiter('\t').setIgnoreEmptyLines(false).get();
            case TSV_UNQUOTED -> CSVFormat.RFC4180.builder().setDelimiter('\t').setQuote(null).setIgnoreEmptyLines(false)
                    .get();
            case JSONL -> throw new IllegalStateException("not a delimited format");
        };
    }

    private static void jsonl(BufferedReader lines, ColumnMapping mapping, Emitter out) throws IOException {
        Set<String> fields = new HashSet<>(mapping.columns());
        long lineNumber = 0;
        long number = 0;
        boolean firstObject = false;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            number++;
            Map<String, String> values = new HashMap<>();
            String faultColumn = null;
            boolean object;
            try (JsonParser json = JSON.createParser(line)) {
                object = json.nextToken() == JsonToken.START_OBJECT;
                if (object) {
                    for (JsonToken t = json.nextToken(); t == JsonToken.FIELD_NAME; t = json.nextToken()) {
                        String name = json.currentName();
                        JsonToken v = json.nextToken();
                        if (!fields.contains(name)) {
                            json.skipChildren();
                        } else if (v == JsonToken.VALUE_NULL) {
                            values.put(name, "");
                        } else if (v == JsonToken.VALUE_STRING || (v.isScalarValue()
                                && !name.equals(mapping.textColumn())
                                && !mapping.titleColumn().filter(name::equals).isPresent())) {
                            values.put(name, json.getText());
                        } else {
                            faultColumn = name;
                            break;
                        }
                    }
                    if (faultColumn == null && json.nextToken() != null) {
                        faultColumn = "";
                        object = false;
                    }
                } else {
                    faultColumn = "";
                }
            } catch (JsonProcessingException e) {
                faultColumn = "";
                object = false;
            }
            if (faultColumn != null) {
                if (object) {
                    firstObject = true;
                }
                out.rejected(new RecordProblem("in", number, lineNumber, faultColumn, RecordProblem.Reason.MALFORMED,
                        ""), List.of(line));
                continue;
            }
            if (!firstObject) {
                firstObject = true;
                for (String c : mapping.columns()) {
                    boolean needed = c.equals(mapping.textColumn()) || mapping.idColumn().filter(c::equals).isPresent()
                            || mapping.labels().stream().anyMatch(l -> l.column().equals(c));
                    if (needed && !values.containsKey(c)) {
                        throw new BadRecordException(new RecordProblem("in", number, lineNumber, c,
                                RecordProblem.Reason.MISSING_COLUMN, "first"), null);
                    }
                }
            }
            out.assemble(values::get, number, lineNumber, List.of(line));
        }
    }
}
