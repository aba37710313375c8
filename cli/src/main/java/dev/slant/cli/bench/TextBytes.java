package dev.slant.cli.bench;

import dev.slant.datasets.Article;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The size of article text that every MB/s figure of the bench divides by: UTF-8 bytes of title and body. */
final class TextBytes {
    private TextBytes() {
    }

    /**
     * @param articles articles
     * @return the UTF-8 bytes of their titles and bodies
     */
    static long of(List<Article> articles) {
        long n = 0;
        for (Article a : articles) {
            n += a.title().getBytes(StandardCharsets.UTF_8).length + a.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
