package dev.slant.datasets.io;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The io test fixtures under src/test/resources/dev/slant/datasets/io, and helpers to read them. */
final class Fixtures {
    /** The mapping of the CSV fixtures: id, title, text, stance (left, center, right). */
    static final ColumnMapping STANCE = ColumnMapping.builder()
            .idColumn("id").titleColumn("title").textColumn("text")
            .label(LabelColumn.of("stance", "stance").withAllowed("left", "center", "right"))
            .build();

    /** A mapping of the real article-bias CSV: stance and topic, outlet, host, URL and date. */
    static final ColumnMapping ARTICLE_BIAS = ColumnMapping.builder()
            .idColumn("ID").titleColumn("title").textColumn("content_original")
            .label(LabelColumn.of("stance", "bias_text").withAllowed("left", "center", "right"))
            .label("topic", "topic")
            .metadata(Article.OUTLET, "source").metadata(Article.HOST, "source_url")
            .metadata(Article.URL, "url").metadata(Article.DATE, "date")
            .build();

    private Fixtures() {
    }

    /**
     * @param name a fixture's path below the io resource folder, for example "bad/empty-text.csv"
     * @return its file
     */
    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a fixture named in messages by its file name alone.
     *
     * @param name    the fixture
     * @param format  its format
     * @param mapping the mapping
     * @param options the options
     * @return the reader
     * @throws IOException if it cannot be opened
     */
    static ArticleReader open(String name, ArticleFormat format, ColumnMapping mapping, ReadOptions options)
            throws IOException {
        Path file = path(name);
        return ArticleReaders.open(TextInput.open(file, file.getFileName().toString()), format, List.of(), mapping,
                options);
    }

    /**
     * @param reader a reader
     * @return the ids of every article it yields, closing it
     */
    static List<String> ids(ArticleReader reader) {
        List<String> ids = new ArrayList<>();
        try (reader) {
            reader.forEachRemainingArticle(a -> ids.add(a.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /**
     * @param reader a reader
     * @return every article it yields, closing it
     */
    static List<LabelledArticle> all(ArticleReader reader) {
        List<LabelledArticle> all = new ArrayList<>();
        try (reader) {
            reader.forEachRemainingArticle(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** A reject sink that keeps what it gets. */
    static final class CollectingSink implements RejectSink {
        final List<RecordProblem> problems = new ArrayList<>();
        final List<List<String>> raws = new ArrayList<>();

        @Override
        public void reject(RecordProblem problem, List<String> rawFields) {
            problems.add(problem);
            raws.add(rawFields);
        }

        @Override
        public void close() {
        }

        /** @return the problems' messages */
        List<String> messages() {
            return problems.stream().map(RecordProblem::message).toList();
        }

        /** @return lenient options that reject into this sink */
        ReadOptions lenient() {
            return new ReadOptions(ReadMode.LENIENT, this);
        }
    }
}
