package dev.slant.datasets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes articles as JSON Lines: one object per line, LF-terminated, with a string field per column of the
 * {@link ArticleLayout} in its order (a target's labels joined with {@link ArticleLayout#LABEL_SEPARATOR}),
 * gzip-compressed when the target's name ends in {@code .gz}.
 */
public final class JsonlArticleWriter extends AtomicTextFile implements ArticleWriter {
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final ArticleLayout layout;
    private final List<String> columns;
    private final JsonGenerator json;

    private JsonlArticleWriter(AtomicOutput out, ArticleLayout layout) throws IOException {
        super(out);
        this.layout = layout;
        this.columns = layout.columns();
        this.json = JSON.createGenerator(out.writer());
    }

    /**
     * Starts writing a file.
     *
     * @param target the file to write
     * @param layout the fields
     * @return the writer; the caller commits and closes it
     * @throws IOException if the file cannot be started
     */
    public static JsonlArticleWriter open(Path target, ArticleLayout layout) throws IOException {
        return open(target, out -> new JsonlArticleWriter(out, layout));
    }

    @Override
    public void write(LabelledArticle article) throws IOException {
        List<String> values = layout.values(article);
        json.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
            json.writeStringField(columns.get(i), values.get(i));
        }
        json.writeEndObject();
        json.writeRaw('\n');
        counted();
    }

    @Override
    void flushFormat() throws IOException {
        json.flush();
    }
}
