package dev.slant.inference.features;

import dev.slant.datasets.Article;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The stages of {@link ScoringPathBenchmark} timed in CPU time of the measuring thread rather than wall time, so
 * that the figures hold on a loaded, shared machine (where JMH's wall-clock throughput swings with the load).
 * Prints CPU microseconds per article and megabytes of article text per CPU second, per stage.
 *
 * <pre>java -cp 'benchmarks/target/slant-benchmarks.jar:benchmarks/target/lib/*' \
 *     dev.slant.inference.features.StageCpuTimes BUNDLE [DATA_DIR] [SECONDS] [PRECISION]</pre>
 *
 * <p>PRECISION, a {@code WeightPrecision}, converts every scorer to it before timing.
 */
public final class StageCpuTimes {
    private StageCpuTimes() {
    }

    public static void main(String[] args) throws Exception {
        ScoringPathBenchmark b = new ScoringPathBenchmark();
        b.bundle = args[0];
        b.data = args.length > 1 ? args[1] : "";
        b.articles = 2000;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        b.precision = args.length > 3 ? args[3] : "";
        b.setUp();
        org.openjdk.jmh.infra.Blackhole bh = new org.openjdk.jmh.infra.Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        run("tokenize", b, seconds, x -> x.tokenize());
        run("scrub", b, seconds, x -> x.scrub().text().length());
        run("termCountsNoScrub", b, seconds, x -> x.termCountsNoScrub().size());
        run("featurizeNoScrub", b, seconds, x -> x.featurizeNoScrub().size());
        run("featurize", b, seconds, x -> x.featurize().size());
        run("scoreFirstTarget", b, seconds, x -> x.scoreFirstTarget());
        run("scoreEveryTarget", b, seconds, x -> {
            x.scoreEveryTarget(bh);
            return 1;
        });
        run("classify", b, seconds, x -> x.classify().hashCode());
    }

    private static void run(String name, ScoringPathBenchmark b, double seconds, ToIntFunction<ScoringPathBenchmark> op) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int pass = 0; pass < 2; pass++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long n = 0;
            long wall0 = System.nanoTime();
            while (System.nanoTime() - wall0 < seconds * 1e9) {
                for (int i = 0; i < 100; i++) {
                    sink += op.applyAsInt(b);
                }
                n += 100;
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            if (pass == 1) {
                System.out.printf(Locale.ROOT, "%-18s %9.1f us/article (CPU) %8.1f MB/s per CPU second  (%d articles, sink %d)%n",
                        name, cpu / n * 1e6, n * b.bytesPerArticle() / 1e6 / cpu, n, sink & 1);
            }
        }
    }
}
