package dev.slant.inference.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the training data looked like to a model, the reference that scoring compares batches with ({@link DriftTally}):
 * the distribution of the articles' known n-gram share in bins at its deciles, and per target how many articles got
 * each label (or an abstention). Training measures it on its training articles and stores it in the bundle's metrics
 * under {@value #METRICS_KEY}.
 *
 * @param articles        the articles measured
 * @param source          what they were, for reports ("media train part, 5,000 of 26,590 articles")
 * @param shareEdges      the upper edges of the known-share bins but the last (increasing; a share equal to an edge
 *                        falls in the bin below it)
 * @param shareCounts     articles per known-share bin ({@code shareEdges.length + 1} bins)
 * @param meanKnownShare  the articles' mean known share
 * @param labelCounts     per target, articles per label in the model's label order, then abstentions under
 *                        {@link #ABSTAINED}
 */
public record DriftReference(int articles, String source, double[] shareEdges, long[] shareCounts,
                             double meanKnownShare, Map<String, Map<String, Long>> labelCounts)
        implements java.io.Serializable {
    /** The key of the reference in a bundle's metrics. */
    public static final String METRICS_KEY = "drift";
    /** The label under which abstentions are counted. */
    public static final String ABSTAINED = "(abstained)";
    /** The known-share bins: at the reference's deciles. */
    public static final int SHARE_BINS = 10;

    /** Validates and copies. @throws IllegalArgumentException if the bins do not match */
    public DriftReference {
        Objects.requireNonNull(source, "source");
        shareEdges = shareEdges.clone();
        shareCounts = shareCounts.clone();
        if (shareCounts.length != shareEdges.length + 1) {
            throw new IllegalArgumentException(shareCounts.length + " bins for " + shareEdges.length + " edges");
        }
        for (int i = 1; i < shareEdges.length; i++) {
            if (shareEdges[i] < shareEdges[i - 1]) {
                throw new IllegalArgumentException("known-share edges are not increasing: " + Arrays.toString(shareEdges));
            }
        }
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        labelCounts.forEach((t, m) -> copy.put(t, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        labelCounts = Collections.unmodifiableMap(copy);
    }

    /**
     * Measures predictions as the reference.
     *
     * @param source      what the articles are, for reports
     * @param predictions the model's predictions of the reference articles (with their known shares)
     * @param labels      per target, the model's labels in order
     * @return the reference
     * @throws IllegalArgumentException if there is no prediction
     */
    public static DriftReference of(String source, List<Prediction> predictions, Map<String, List<String>> labels) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no prediction to take as the reference");
        }
        double[] shares = new double[predictions.size()];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            double s = predictions.get(i).targets().get(0).knownShare();
            shares[i] = Double.isNaN(s) ? 0 : s;
            sum += shares[i];
        }
        double[] sorted = shares.clone();
        Arrays.sort(sorted);
        List<Double> edges = new ArrayList<>();
        for (int q = 1; q < SHARE_BINS; q++) {
            double e = sorted[(int) Math.min(sorted.length - 1, Math.floor((double) q * sorted.length / SHARE_BINS))];
            if (edges.isEmpty() || e > edges.get(edges.size() - 1)) {
                edges.add(e);
            }
        }
        double[] edgeArray = edges.stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = new long[edgeArray.length + 1];
        for (double s : shares) {
            counts[bin(edgeArray, s)]++;
        }
        Map<String, Map<String, Long>> byTarget = new LinkedHashMap<>();
        labels.forEach((t, ls) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            ls.forEach(l -> m.put(l, 0L));
            m.put(ABSTAINED, 0L);
            byTarget.put(t, m);
        });
        for (Prediction p : predictions) {
            for (TargetPrediction t : p.targets()) {
                Map<String, Long> m = byTarget.get(t.target());
                if (m != null) {
                    m.merge(t.abstained() ? ABSTAINED : t.label(), 1L, Long::sum);
                }
            }
        }
        return new DriftReference(predictions.size(), source, edgeArray, counts, sum / shares.length, byTarget);
    }

    /**
     * @param edges bin edges
     * @param share a known share
     * @return its bin: the first whose edge is at least the share, else the last
     */
    static int bin(double[] edges, double share) {
        int i = Arrays.binarySearch(edges, share);
        if (i >= 0) {
            while (i > 0 && edges[i - 1] == share) {
                i--;
            }
            return i;
        }
        return -i - 1;
    }

    /** @return the reference as JSON, for a bundle's metrics */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("articles", articles);
        o.put("source", source);
        o.put("meanKnownShare", meanKnownShare);
        var edges = o.putArray("knownShareEdges");
        for (double e : shareEdges) {
            edges.add(e);
        }
        var counts = o.putArray("knownShareCounts");
        for (long c : shareCounts) {
            counts.add(c);
        }
        ObjectNode labels = o.putObject("labelCounts");
        labelCounts.forEach((t, m) -> {
            ObjectNode n = labels.putObject(t);
            m.forEach(n::put);
        });
        return o;
    }

    /**
     * @param metrics a bundle's metrics
     * @return the reference stored there, empty for a bundle trained before it was stored
     */
    public static Optional<DriftReference> fromMetrics(JsonNode metrics) {
        JsonNode o = metrics == null ? null : metrics.get(METRICS_KEY);
        if (o == null || !o.path("knownShareCounts").isArray()) {
            return Optional.empty();
        }
        double[] edges = new double[o.path("knownShareEdges").size()];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = o.path("knownShareEdges").get(i).asDouble();
        }
        long[] counts = new long[o.path("knownShareCounts").size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = o.path("knownShareCounts").get(i).asLong();
        }
        Map<String, Map<String, Long>> labels = new LinkedHashMap<>();
        o.path("labelCounts").fields().forEachRemaining(t -> {
            Map<String, Long> m = new LinkedHashMap<>();
            t.getValue().fields().forEachRemaining(l -> m.put(l.getKey(), l.getValue().asLong()));
            labels.put(t.getKey(), m);
        });
        return Optional.of(new DriftReference(o.path("articles").asInt(), o.path("source").asText(""), edges, counts,
                o.path("meanKnownShare").asDouble(), labels));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriftReference r && articles == r.articles && source.equals(r.source)
                && Arrays.equals(shareEdges, r.shareEdges) && Arrays.equals(shareCounts, r.shareCounts)
                && Double.compare(meanKnownShare, r.meanKnownShare) == 0 && labelCounts.equals(r.labelCounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(articles, source, Arrays.hashCode(shareEdges), Arrays.hashCode(shareCounts), meanKnownShare,
                labelCounts);
    }

    @Override
    public String toString() {
        return "DriftReference[" + articles + " articles, " + source + "]";
    }
}
