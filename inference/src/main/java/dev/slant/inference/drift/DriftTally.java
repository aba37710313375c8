package dev.slant.inference.drift;

import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counts a batch's predictions in the bins of a {@link DriftReference}: its articles' known n-gram shares, and per
 * target its labels and abstentions. Thread-safe (a service adds from every worker); mergeable (Spark partitions);
 * {@link #report()} compares the counts so far with the reference.
 */
public final class DriftTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DriftReference reference;
    private final AtomicLongArray shareCounts;
    private final Map<String, List<String>> labels = new LinkedHashMap<>();
    private final Map<String, AtomicLongArray> labelCounts = new LinkedHashMap<>();
    private final DoubleAdder shareSum = new DoubleAdder();

    /** @param reference the reference whose bins and labels are counted */
    public DriftTally(DriftReference reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.shareCounts = new AtomicLongArray(reference.shareCounts().length);
        reference.labelCounts().forEach((t, m) -> {
            labels.put(t, List.copyOf(m.keySet()));
            labelCounts.put(t, new AtomicLongArray(m.size()));
        });
    }

    /** @return the reference */
    public DriftReference reference() {
        return reference;
    }

    /**
     * Counts one article's predictions (a target the reference does not know, and a label it does not know, are not
     * counted).
     *
     * @param p the predictions
     */
    public void add(Prediction p) {
        List<TargetPrediction> targets = p.targets();
        double share = targets.isEmpty() ? Double.NaN : targets.get(0).knownShare();
        double s = Double.isNaN(share) ? 0 : share;
        shareCounts.incrementAndGet(DriftReference.bin(reference.shareEdges(), s));
        shareSum.add(s);
        for (TargetPrediction t : targets) {
            List<String> ls = labels.get(t.target());
            if (ls != null) {
                int i = ls.indexOf(t.abstained() ? DriftReference.ABSTAINED : t.label());
                if (i >= 0) {
                    labelCounts.get(t.target()).incrementAndGet(i);
                }
            }
        }
    }

    /**
     * Adds another tally's counts (of the same reference) to this one.
     *
     * @param other the other tally
     * @throws IllegalArgumentException if its reference differs
     */
    public void merge(DriftTally other) {
        if (!reference.equals(other.reference)) {
            throw new IllegalArgumentException("tallies of different references");
        }
        for (int i = 0; i < shareCounts.length(); i++) {
            shareCounts.addAndGet(i, other.shareCounts.get(i));
        }
        shareSum.add(other.shareSum.sum());
        labelCounts.forEach((t, a) -> {
            AtomicLongArray b = other.labelCounts.get(t);
            for (int i = 0; i < a.length(); i++) {
                a.addAndGet(i, b.get(i));
            }
        });
    }

    /** @return the articles counted */
    public long articles() {
        long n = 0;
        for (int i = 0; i < shareCounts.length(); i++) {
            n += shareCounts.get(i);
        }
        return n;
    }

    /** @return the comparison of the counts so far with the reference */
    public DriftReport report() {
        long n = articles();
        List<DriftReport.Signal> signals = new ArrayList<>();
        signals.add(DriftReport.Signal.of(DriftReport.KNOWN_SHARE, binNames(), reference.shareCounts(),
                snapshot(shareCounts), n == 0 ? Double.NaN : shareSum.sum() / n, reference.meanKnownShare()));
        labelCounts.forEach((t, a) -> {
            Map<String, Long> ref = reference.labelCounts().get(t);
            long[] refCounts = ref.values().stream().mapToLong(Long::longValue).toArray();
            signals.add(DriftReport.Signal.of(t, labels.get(t), refCounts, snapshot(a), Double.NaN, Double.NaN));
        });
        return new DriftReport(n, reference.articles(), reference.source(), signals);
    }

    private List<String> binNames() {
        double[] e = reference.shareEdges();
        List<String> names = new ArrayList<>();
        if (e.length == 0) {
            return List.of("any");
        }
        for (int i = 0; i <= e.length; i++) {
            names.add(i == 0 ? String.format(java.util.Locale.ROOT, "<= %.3f", e[0])
                    : i == e.length ? String.format(java.util.Locale.ROOT, "> %.3f", e[i - 1])
                    : String.format(java.util.Locale.ROOT, "%.3f to %.3f", e[i - 1], e[i]));
        }
        return names;
    }

    private static long[] snapshot(AtomicLongArray a) {
        long[] out = new long[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }
}
