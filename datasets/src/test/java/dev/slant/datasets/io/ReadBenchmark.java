package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.DataRoot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the whole article-bias corpus a few times and prints the speed (decompressed MB of input per second of
 * wall-clock time and per second of the process's CPU time, which a busy shared machine skews less) and the heap's
 * peak use. Not a test: run it by hand, for example with {@code -Xmx256m}:
 *
 * <pre>
 * java -Xmx256m -cp datasets/target/classes:datasets/target/test-classes:DEPS dev.slant.datasets.io.ReadBenchmark [FILE] [RUNS] [THREADS]
 * </pre>
 */
public final class ReadBenchmark {

    private ReadBenchmark() {
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * @param args optional: the articles file (default: article-bias under the data root), the number of runs
     *             (default 3)
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0])
                : DataRoot.resolve(null).resolve("article-bias").resolve("articles.csv.gz");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : ReadOptions.defaultThreads();
        ColumnMapping mapping = Fixtures.ARTICLE_BIAS;
        System.out.printf(Locale.ROOT, "file %s, max heap %d MB, %d processors%n", file,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long cpuStart = processCpu();
            long chars = 0;
            ReadReport report;
            try (ArticleReader reader = ArticleReaders.open(file, mapping, ReadOptions.STRICT.withThreads(threads))) {
                while (reader.hasNext()) {
                    LabelledArticle a = reader.next();
                    chars += a.article().text().length() + a.article().title().length();
                }
                report = reader.report();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpu() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "run %d, %d threads: %s; %.1f MB of text (decompressed) in %.2f s wall = "
                    + "%.1f MB/s, %.2f s CPU of the process = %.1f MB/s; %.1f M chars of title+text%n", run, threads, report,
                    report.bytes() / 1e6, seconds, report.bytes() / 1e6 / seconds, cpuSeconds,
                    report.bytes() / 1e6 / cpuSeconds, chars / 1e6);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        StringBuilder gc = new StringBuilder();
        for (GarbageCollectorMXBean bean : gcs) {
            gc.append(String.format(Locale.ROOT, " %s: %d collections, %d ms;", bean.getName(),
                    bean.getCollectionCount(), bean.getCollectionTime()));
        }
        System.out.printf(Locale.ROOT, "heap: peak used (sum of pool peaks) %d MB;%s%n", peak >> 20, gc);
    }
}
