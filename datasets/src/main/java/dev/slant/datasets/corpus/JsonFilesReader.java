package dev.slant.datasets.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.JsonlArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of one-article JSON files (the original article-bias repository's {@code data/jsons/}) as if it
 * were JSON Lines: files in name order, each file one record, so record N is the N-th file. A file that is not
 * valid JSON becomes a line that is not, and the JSONL rules report it (strict: stop; lenient: skip and count).
 * One file is held in memory at a time.
 */
final class JsonFilesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFilesReader() {
    }

    static ArticleReader open(Path dir, ColumnMapping mapping, ReadOptions options) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        return new JsonlArticleReader(TextInput.of(new FilesAsLines(files), dir + " (one record per .json file, in name order)"),
                mapping, options);
    }

    /** The files' JSON, each re-written compactly on one line. */
    private static final class FilesAsLines extends InputStream {
        private final List<Path> files;
        private int next;
        private byte[] current = new byte[0];
        private int pos;

        FilesAsLines(List<Path> files) {
            this.files = files;
        }

        private boolean fill() {
            while (pos >= current.length) {
                if (next >= files.size()) {
                    return false;
                }
                Path file = files.get(next++);
                byte[] raw;
                try {
                    raw = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
                byte[] line;
                try {
                    JsonNode node = JSON.readTree(raw);
                    line = JSON.writeValueAsBytes(node);
                } catch (IOException notJson) {
                    // Keep it one line so the JSONL reader reports it as this file's malformed record.
                    line = new String(raw, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ')
                            .getBytes(StandardCharsets.UTF_8);
                }
                current = java.util.Arrays.copyOf(line, line.length + 1);
                current[line.length] = '\n';
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
