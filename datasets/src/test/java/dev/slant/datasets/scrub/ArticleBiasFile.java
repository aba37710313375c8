package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the article-bias corpus for scrubbing tests and the benchmark (the project's corpus readers are written
 * elsewhere; this test code does not depend on them). {@code source} becomes {@link Article#OUTLET},
 * {@code source_url} {@link Article#HOST}.
 */
final class ArticleBiasFile {
    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("ID", "topic", "source", "source_url", "url", "date", "authors",
            "bias_text", "title", "content_original");

    /**
     * An article and its stance label.
     *
     * @param article the article
     * @param stance  left, center or right
     */
    record Labelled(Article article, String stance) {
    }

    private ArticleBiasFile() {
    }

    /**
     * @param dir the corpus folder
     * @return every article, in file order
     * @throws UncheckedIOException  if the file cannot be read or parsed (naming the file and line)
     * @throws IllegalStateException if the header is not {@link #COLUMNS} or a record lacks its ID or label (naming
     *                               the file, record, line and column)
     */
    static List<Labelled> read(Path dir) {
        Path file = dir.resolve("articles.csv.gz");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Labelled> out = new ArrayList<>();
        try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new IllegalStateException(file + " line 1: header " + parser.getHeaderNames() + ", expected "
                        + COLUMNS);
            }
            for (CSVRecord r : parser) {
                out.add(labelled(file, r));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + " after record " + out.size()
                    + ": " + e.getMessage(), e));
        }
        return out;
    }

    private static Labelled labelled(Path file, CSVRecord r) {
        for (String column : List.of("ID", "bias_text", "content_original")) {
            if (r.get(column).isBlank()) {
                throw new IllegalStateException(file + " record " + r.getRecordNumber() + " (line "
                        + r.getParser().getCurrentLineNumber() + ") column " + (COLUMNS.indexOf(column) + 1) + " '"
                        + column + "' is empty");
            }
        }
        Map<String, String> meta = new TreeMap<>();
        meta.put(Article.OUTLET, r.get("source"));
        meta.put(Article.HOST, r.get("source_url"));
        meta.put(Article.URL, r.get("url"));
        meta.put(Article.DATE, r.get("date"));
        Article a = new Article(r.get("ID"), r.get("title"), r.get("content_original"), meta);
        return new Labelled(a, r.get("bias_text"));
    }

    /**
     * The IDs of one part of a published split.
     *
     * @param dir   the corpus folder
     * @param split "random" or "media"
     * @param part  "train", "valid" or "test"
     * @return the IDs
     * @throws UncheckedIOException if the file cannot be read
     */
    static Set<String> splitIds(Path dir, String split, String part) {
        Path file = dir.resolve("splits").resolve(split).resolve(part + ".tsv");
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.equals("ID\tbias")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException(file + " line " + lineNo + " column 1: no ID before a tab");
                }
                ids.add(line.substring(0, tab));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return ids;
    }
}
