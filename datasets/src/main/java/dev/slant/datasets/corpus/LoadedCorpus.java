package dev.slant.datasets.corpus;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.ReadReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A corpus read into memory, for training and statistics (scoring streams instead).
 *
 * @param corpus   where it came from
 * @param articles the accepted articles, in input order
 * @param report   what was read and rejected
 * @param sha256   SHA-256 over every accepted article's id, title, text and labels, in order: the same data gives
 *                 the same digest whatever its file layout
 * @param nanos    how long reading took
 */
public record LoadedCorpus(Corpus corpus, List<LabelledArticle> articles, ReadReport report, String sha256, long nanos) {

    /** Validates and copies. @throws NullPointerException if a part is null */
    public LoadedCorpus {
        Objects.requireNonNull(corpus, "corpus");
        articles = List.copyOf(articles);
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * Reads a whole corpus.
     *
     * @param corpus  the corpus
     * @param options what to do with bad records
     * @return the loaded corpus
     * @throws IOException if a file cannot be read
     * @throws dev.slant.datasets.io.BadRecordException on a bad record in strict mode
     */
    public static LoadedCorpus load(Corpus corpus, ReadOptions options) throws IOException {
        long t0 = System.nanoTime();
        MessageDigest digest = newDigest();
        List<LabelledArticle> articles = new ArrayList<>();
        ReadReport report;
        try (ArticleReader reader = corpus.open(options)) {
            while (reader.hasNext()) {
                LabelledArticle a = reader.next();
                articles.add(a);
                update(digest, a);
            }
            report = reader.report();
        }
        return new LoadedCorpus(corpus, articles, report, HexFormat.of().formatHex(digest.digest()), System.nanoTime() - t0);
    }

    private static void update(MessageDigest digest, LabelledArticle a) {
        field(digest, a.id());
        field(digest, a.article().title());
        field(digest, a.article().text());
        for (Map.Entry<String, List<String>> e : a.labels().byTarget().entrySet()) {
            field(digest, e.getKey());
            field(digest, String.join("\u0001", e.getValue()));
        }
        digest.update((byte) 0x1e);
    }

    private static void field(MessageDigest digest, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (b.length >>> 24));
        digest.update((byte) (b.length >>> 16));
        digest.update((byte) (b.length >>> 8));
        digest.update((byte) b.length);
        digest.update(b);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** @return megabytes of decompressed input per second of reading */
    public double megabytesPerSecond() {
        return nanos == 0 ? 0 : report.bytes() / 1e6 / (nanos / 1e9);
    }
}
