package dev.slant.cli.bench;

import java.util.List;
import java.util.Locale;

/**
 * Renders bench rows as one Markdown table: one row per system, then one row per peer with the ratios
 * Slant/peer of every figure both measured (for times and memory, below 1 is better for Slant; for speeds and
 * macro-F1, above 1).
 */
public final class BenchTable {
    private static final String HEADER = "| system | training s | 1 thread articles/s | 1 thread MB/s | %d threads articles/s"
            + " | %d threads MB/s | p50 ms | p99 ms | peak memory training | peak memory scoring | bundle | test macro-F1 |";

    private BenchTable() {
    }

    /**
     * @param rows    Slant's row first, then the peers'
     * @param threads the thread count of the "all threads" columns
     * @return the Markdown table, one line per row, each ending in a newline
     * @throws IllegalArgumentException if there are no rows
     */
    public static String render(List<BenchRow> rows, int threads) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to render");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, HEADER, threads, threads)).append('\n');
        sb.append("| --- ".repeat(12)).append("|\n");
        for (BenchRow r : rows) {
            sb.append("| ").append(r.system())
                    .append(" | ").append(num(r.trainSeconds(), 1))
                    .append(" | ").append(num(r.oneThreadArticles(), 0))
                    .append(" | ").append(num(r.oneThreadMb(), 1))
                    .append(" | ").append(num(r.allThreadsArticles(), 0))
                    .append(" | ").append(num(r.allThreadsMb(), 1))
                    .append(" | ").append(num(r.p50Millis(), 3))
                    .append(" | ").append(num(r.p99Millis(), 3))
                    .append(" | ").append(bytes(r.trainPeakBytes()))
                    .append(" | ").append(bytes(r.scorePeakBytes()))
                    .append(" | ").append(bytes(r.bundleBytes()))
                    .append(" | ").append(num(r.macroF1(), 3))
                    .append(" |\n");
        }
        BenchRow slant = rows.get(0);
        for (BenchRow peer : rows.subList(1, rows.size())) {
            sb.append("| Slant / ").append(peer.system())
                    .append(" | ").append(ratio(slant.trainSeconds(), peer.trainSeconds()))
                    .append(" | ").append(ratio(slant.oneThreadArticles(), peer.oneThreadArticles()))
                    .append(" | ").append(ratio(slant.oneThreadMb(), peer.oneThreadMb()))
                    .append(" | ").append(ratio(slant.allThreadsArticles(), peer.allThreadsArticles()))
                    .append(" | ").append(ratio(slant.allThreadsMb(), peer.allThreadsMb()))
                    .append(" | ").append(ratio(slant.p50Millis(), peer.p50Millis()))
                    .append(" | ").append(ratio(slant.p99Millis(), peer.p99Millis()))
                    .append(" | ").append(ratio(slant.trainPeakBytes(), peer.trainPeakBytes()))
                    .append(" | ").append(ratio(slant.scorePeakBytes(), peer.scorePeakBytes()))
                    .append(" | ").append(ratio(slant.bundleBytes(), peer.bundleBytes()))
                    .append(" | ").append(ratio(slant.macroF1(), peer.macroF1()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : "n/a";
    }

    /** Bytes in MB (10^6), with more decimals for small sizes. */
    static String bytes(long b) {
        if (b < 0) {
            return "n/a";
        }
        double mb = b / 1e6;
        return String.format(Locale.ROOT, mb < 10 ? "%.2f MB" : "%,.0f MB", mb);
    }

    private static String ratio(double slant, double peer) {
        if (!Double.isFinite(slant) || !Double.isFinite(peer) || slant < 0 || peer <= 0) {
            return "n/a";
        }
        double r = slant / peer;
        return String.format(Locale.ROOT, r >= 100 ? "%,.0fx" : r >= 10 ? "%.1fx" : "%.2fx", r);
    }
}
