package dev.slant.datasets.dedup;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the real corpora for the duplicate tests and the benchmark, with Commons CSV and nothing else (the
 * project's readers are written elsewhere and are not used here on purpose).
 */
final class TestCorpora {
    /** The label target of article-bias's {@code bias_text}. */
    static final String STANCE = "stance";
    /** The label target of article-bias's {@code topic}. */
    static final String TOPIC = "topic";
    /** The label target of LIAR's 6-way truth label. */
    static final String VERACITY = "veracity";
    /** LIAR's column count. */
    static final int LIAR_COLUMNS = 14;

    private TestCorpora() {
    }

    /**
     * article-bias's {@code articles.csv.gz}: id {@code ID}, title, body {@code content_original}, labels
     * stance ({@code bias_text}) and topic.
     */
    static List<LabelledArticle> articleBias(Path folder) {
        Path file = folder.resolve("articles.csv.gz");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<LabelledArticle> articles = new ArrayList<>(40_000);
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord row : parser) {
                Article article = Article.of(row.get("ID"), row.get("title"), row.get("content_original"));
                articles.add(new LabelledArticle(article,
                        Labels.single(Map.of(STANCE, row.get("bias_text"), TOPIC, row.get("topic")))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return articles;
    }

    /** One LIAR part ({@code train}, {@code valid} or {@code test}): id, statement, label veracity. */
    static List<LabelledArticle> liar(Path folder, String part) {
        Path file = folder.resolve(part + ".tsv");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter('\t').setQuote(null)
                .setIgnoreSurroundingSpaces(false).setIgnoreEmptyLines(false).get();
        List<LabelledArticle> statements = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord row : parser) {
                if (row.size() != LIAR_COLUMNS) {
                    throw new IllegalStateException(file + " record " + row.getRecordNumber() + " (line "
                            + parser.getCurrentLineNumber() + "): expected " + LIAR_COLUMNS + " columns, got "
                            + row.size());
                }
                Article article = Article.of(row.get(0), "", row.get(2));
                statements.add(new LabelledArticle(article, Labels.single(Map.of(VERACITY, row.get(1)))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return statements;
    }
}
