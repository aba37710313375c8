package dev.slant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.ArticleFormat;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleReaders;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.BadRecordException;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.ReadReport;
import dev.slant.datasets.io.RecordProblem;
import dev.slant.datasets.io.SafeCsvPrinter;
import dev.slant.datasets.io.TextInput;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.batch.BatchScorer;
import dev.slant.inference.batch.OutputFormat;
import dev.slant.inference.batch.ScoreProgress;
import dev.slant.inference.batch.ScoreSettings;
import dev.slant.serve.archive.ArchiveTally;
import dev.slant.serve.archive.ScoredFile;
import dev.slant.serve.archive.ScoredRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.jetty.util.Fields;

/**
 * Scores an article file uploaded from the page into an {@link Archive}, with the library's own parts: the
 * file is read by {@link ArticleReaders} (leniently: bad records are counted and skipped, as
 * {@code slant score --lenient} would) and scored by {@link BatchScorer} on one thread; the predictions it writes are
 * read back with {@link ScoredFile} and joined, row by row, with each article's title, outlet and date.
 *
 * <p>Columns come from the query ({@code id}, {@code title}, {@code text}, {@code outlet}, {@code date}); each one
 * not given is found by its usual names in the file's header (or first JSON object): {@code text},
 * {@code content}, {@code content_original} or {@code body} for the text, and so on. The format comes from
 * {@code format} ({@code csv}, {@code tsv}, {@code jsonl}), else from the file's name ({@code name}), else from its
 * first character.
 */
final class ArchiveUpload {
    private static final Map<String, List<String>> USUAL = Map.of(
            "id", List.of("id", "ID", "Id"),
            "title", List.of("title", "headline", "Title"),
            "text", List.of("text", "content", "content_original", "body", "article", "Text"),
            "outlet", List.of("outlet", "source", "publisher", "Source"),
            "date", List.of("date", "published", "published_at", "publication_date", "Date"));
    private static final List<String> PARAMETERS = List.of("name", "format", "id", "title", "text", "outlet", "date");

    private ArchiveUpload() {
    }

    /**
     * @param slant the classifier
     * @param body  the uploaded file (gzip or not)
     * @param query name, format and columns
     * @param id    the new archive's id
     * @param work  a private folder for the predictions file
     * @return the scored archive
     * @throws ApiException 400 naming the problem if the file cannot be read
     */
    static Archive score(SlantClassifier slant, byte[] body, Fields query, String id, Path work) throws ApiException {
        Map<String, String> q = new LinkedHashMap<>();
        for (Fields.Field f : query) {
            if (!PARAMETERS.contains(f.getName())) {
                throw new ApiException(400, "unknown query parameter '" + f.getName() + "'; known: " + String.join(", ", PARAMETERS));
            }
            if (f.getValues().size() != 1) {
                throw new ApiException(400, "query parameter '" + f.getName() + "' is given " + f.getValues().size() + " times");
            }
            if (!f.getValue().isBlank()) {
                q.put(f.getName(), f.getValue().strip());
            }
        }
        String name = q.getOrDefault("name", "upload");
        if (body.length == 0) {
            throw new ApiException(400, name + " is empty");
        }
        ArticleFormat format;
        try {
            format = q.containsKey("format") ? ArticleFormat.parse(q.get("format")) : formatOf(name, body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage(), e);
        }
        Path predictions = null;
        try {
            List<String> header = header(body, name, format);
            Map<String, String> columns = new LinkedHashMap<>();
            for (String key : List.of("id", "title", "text", "outlet", "date")) {
                String column = q.containsKey(key) ? q.get(key) : USUAL.get(key).stream().filter(header::contains).findFirst().orElse(null);
                if (column != null) {
                    columns.put(key, column);
                }
            }
            if (!columns.containsKey("text")) {
                throw new ApiException(400, name + " has no text column (looked for " + String.join(", ", USUAL.get("text"))
                        + " among " + header + "); name it in the Text column field");
            }
            ColumnMapping.Builder mapping = ColumnMapping.builder().idColumn(columns.get("id")).titleColumn(columns.get("title"))
                    .textColumn(columns.get("text"));
            if (columns.containsKey("outlet")) {
                mapping.metadata(Article.OUTLET, columns.get("outlet"));
            }
            if (columns.containsKey("date")) {
                mapping.metadata(Article.DATE, columns.get("date"));
            }
            predictions = Files.createTempFile(work, "upload-", ".csv");
            List<String[]> seen = new ArrayList<>();
            ReadReport report;
            try (ArticleReader reader = ArticleReaders.open(TextInput.of(new ByteArrayInputStream(body), name), format,
                    List.of(), mapping.build(), ReadOptions.LENIENT)) {
                Capturing capturing = new Capturing(reader, seen);
                new BatchScorer(slant, new ScoreSettings(1, false, 0, OutputFormat.CSV)).score(capturing, predictions, ScoreProgress.NONE);
                report = reader.report();
            }
            if (report.accepted() == 0 && report.rejectedTotal() > 0) {
                throw new ApiException(400, name + ": no article could be read: " + report.rejectedTotal()
                        + " record(s) rejected (" + String.join(", ", report.rejected().keySet().stream()
                        .map(RecordProblem.Reason::text).toList()) + ")");
            }
            return join(slant, id, name, predictions, seen, report, columns.containsKey("outlet"), columns.containsKey("date"));
        } catch (BadRecordException e) {
            throw new ApiException(400, e.getMessage(), e);
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ApiException(400, name + ": " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new ApiException(400, e.getMessage() != null && e.getMessage().contains(name) ? e.getMessage()
                    : name + " cannot be read: " + e.getMessage(), e);
        } finally {
            if (predictions != null) {
                try {
                    Files.deleteIfExists(predictions);
                } catch (IOException ignored) {
                    // The folder goes when the server stops.
                }
            }
        }
    }

    private static ArticleFormat formatOf(String name, byte[] body) {
        try {
            return ArticleFormat.fromFileName(name);
        } catch (IllegalArgumentException e) {
            for (byte b : body) {
                if (!Character.isWhitespace(b)) {
                    return b == '{' ? ArticleFormat.JSONL : ArticleFormat.CSV;
                }
            }
            return ArticleFormat.CSV;
        }
    }

    /** The column names of a delimited file's header, or the fields of a JSON Lines file's first object. */
    private static List<String> header(byte[] body, String name, ArticleFormat format) throws IOException {
        try (TextInput in = TextInput.of(new ByteArrayInputStream(body), name)) {
            if (format == ArticleFormat.JSONL) {
                java.io.BufferedReader lines = new java.io.BufferedReader(in.reader());
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        JsonNode first = ServeJson.MAPPER.readTree(line);
                        List<String> fields = new ArrayList<>();
                        first.fieldNames().forEachRemaining(fields::add);
                        return fields;
                    }
                }
                return List.of();
            }
            CSVFormat csv = format == ArticleFormat.CSV ? CSVFormat.RFC4180
                    : CSVFormat.RFC4180.builder().setDelimiter('\t').setQuote(format == ArticleFormat.TSV ? '"' : null).get();
            try (CSVParser parser = csv.parse(in.reader())) {
                for (CSVRecord r : parser) {
                    return r.toList();
                }
                return List.of();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(name + ": the first line is not a JSON object: " + e.getOriginalMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Archive join(SlantClassifier slant, String id, String name, Path predictions, List<String[]> seen,
            ReadReport report, boolean outlets, boolean dates) throws IOException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        slant.targets().forEach(t -> labels.put(t, slant.labels(t)));
        ArchiveTally tally = new ArchiveTally(slant.targets(), labels, outlets, dates);
        List<ScoredRow> rows = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ScoredFile in = ScoredFile.open(predictions, ScoredFile.Columns.DEFAULT);
                Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            // The library's printer of every CSV: a cell a spreadsheet would run as a formula gets a leading quote.
            SafeCsvPrinter out = new SafeCsvPrinter(w);
            List<String> header = new ArrayList<>(List.of("id", "title", "outlet", "date"));
            for (String t : in.targets()) {
                header.add(t);
                header.add(t + "_probability");
            }
            out.printRecord(header);
            int i = 0;
            for (ScoredRow p = in.next(); p != null; p = in.next(), i++) {
                String[] meta = seen.get(i);
                ScoredRow row = new ScoredRow(p.number(), p.id(), meta[0], meta[1], meta[2], p.labels(), p.probabilities());
                tally.add(row);
                if (rows.size() < Archive.MAX_ROWS) {
                    rows.add(Archive.trimmed(row));
                }
                List<String> record = new ArrayList<>(List.of(row.id(), row.title(), row.outlet(), row.date()));
                for (int t = 0; t < in.targets().size(); t++) {
                    record.add(row.label(t) == null ? "" : row.label(t));
                    record.add(row.label(t) == null ? "" : Double.toString(row.probability(t)));
                }
                out.printRecord(record);
            }
            if (i != seen.size()) {
                throw new IllegalStateException(seen.size() + " articles read but " + i + " predictions written");
            }
            out.flush();
        }
        ObjectNode read = JsonNodeFactory.instance.objectNode();
        read.put("records", report.records());
        read.put("accepted", report.accepted());
        ObjectNode rejected = read.putObject("rejected");
        for (Map.Entry<RecordProblem.Reason, Long> e : report.rejected().entrySet()) {
            rejected.put(e.getKey().text(), e.getValue());
        }
        return new Archive(id, name, false, slant.targets(), tally, rows, 0, read, outlets ? "outlet" : null,
                dates ? "date" : null, bytes.toByteArray(), null);
    }

    /** Passes a reader through, noting each article's title, outlet and date in input order. */
    private static final class Capturing implements ArticleReader {
        private final ArticleReader in;
        private final List<String[]> seen;

        Capturing(ArticleReader in, List<String[]> seen) {
            this.in = in;
            this.seen = seen;
        }

        @Override
        public ReadReport report() {
            return in.report();
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public LabelledArticle next() {
            LabelledArticle a = in.next();
            Article article = a.article();
            seen.add(new String[] {article.title(), article.meta(Article.OUTLET).orElse(""),
                article.meta(Article.DATE).orElse("")});
            return a;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
