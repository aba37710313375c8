package dev.slant.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.inference.SlantClassifier;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@code slant bench} that checks the scoring heap: started with a small {@code -Xmx}, it loads
 * a bundle and scores a JSONL file of articles in batches, streaming, then prints one JSON object: load time,
 * live heap after loading, peak heap, articles scored. Any failure (an OutOfMemoryError included) is printed
 * as {@code {"error": ...}} with exit status 1.
 */
public final class ScoringProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 256;

    private ScoringProbe() {
    }

    /**
     * @param args the bundle, the articles (JSONL of id, title, text), the number of threads
     */
    public static void main(String[] args) {
        ObjectNode out = JSON.createObjectNode();
        int status = 0;
        try {
            measure(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), out);
        } catch (Throwable t) {
            out.removeAll();
            out.put("error", t.toString());
            status = 1;
        }
        System.out.println(out);
        System.exit(status);
    }

    private static void measure(Path bundle, Path articles, int threads, ObjectNode out)
            throws IOException, dev.slant.inference.bundle.BundleException {
        HeapPeaks.reset();
        long t0 = System.nanoTime();
        SlantClassifier slant = SlantClassifier.load(bundle);
        out.put("loadSeconds", (System.nanoTime() - t0) / 1e9);
        out.put("liveBytesAfterLoad", HeapPeaks.liveBytes());
        long scored = 0;
        try (BufferedReader r = Files.newBufferedReader(articles, StandardCharsets.UTF_8)) {
            List<Article> batch = new ArrayList<>(BATCH);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = JSON.readTree(line);
                batch.add(Article.of(n.get("id").asText(), n.get("title").asText(), n.get("text").asText()));
                if (batch.size() == BATCH) {
                    scored += slant.classifyAll(batch, threads).size();
                    batch.clear();
                }
            }
            scored += slant.classifyAll(batch, threads).size();
        }
        out.put("articles", scored);
        out.put("peakBytes", HeapPeaks.peakBytes());
        out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    }

    /**
     * Writes articles as the probe reads them.
     *
     * @param file     the JSONL file
     * @param articles the articles
     * @throws IOException if writing fails
     */
    static void write(Path file, List<Article> articles) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Article a : articles) {
                ObjectNode n = JSON.createObjectNode();
                n.put("id", a.id());
                n.put("title", a.title());
                n.put("text", a.text());
                w.write(JSON.writeValueAsString(n));
                w.write('\n');
            }
        }
    }
}
