package dev.slant.datasets.text;

import dev.slant.datasets.corpus.DataRoot;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Throughput of both views on the article-bias bodies, held in memory (no I/O timed). Not a test: run by hand,
 * for example {@code java -cp <test classpath> dev.slant.datasets.text.TextViewsBenchmark [articles.csv.gz]}.
 */
public final class TextViewsBenchmark {
    /** Untimed rounds first, for the JIT. */
    public static final int WARM_UP_ROUNDS = 2;
    /** Timed rounds; the best is reported. */
    public static final int TIMED_ROUNDS = 5;

    private TextViewsBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional path of articles.csv.gz (default: the article-bias corpus under the data root)
     * @throws IOException if the corpus cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0])
                : DataRoot.resolve(null).resolve("article-bias").resolve("articles.csv.gz");
        List<String> texts = new ArrayList<>();
        long chars = 0;
        try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String text = row.get("content_original");
                texts.add(text);
                chars += text.length();
            }
        }
        System.out.printf("%s: %,d texts, %,d chars%n", file, texts.size(), chars);
        SentenceSplitter splitter = new SentenceSplitter();
        time("TextNormalizer.normalize", texts, chars, text -> TextNormalizer.normalize(text).length());
        time("SentenceSplitter.spans", texts, chars, text -> splitter.spans(text).size());
        time("SentenceSplitter.split", texts, chars, text -> splitter.split(text).size());
    }

    private static void time(String name, List<String> texts, long chars, ToLongFunction<String> view) {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + TIMED_ROUNDS; round++) {
            long start = System.nanoTime();
            for (String text : texts) {
                sink += view.applyAsLong(text);
            }
            long elapsed = System.nanoTime() - start;
            if (round >= WARM_UP_ROUNDS) {
                best = Math.min(best, elapsed);
            }
        }
        double seconds = best / 1e9;
        System.out.printf("%-26s best of %d: %.2f s, %,.0f articles/s, %,.1f M chars/s (checksum %d)%n", name,
                TIMED_ROUNDS, seconds, texts.size() / seconds, chars / seconds / 1e6, sink);
    }
}
