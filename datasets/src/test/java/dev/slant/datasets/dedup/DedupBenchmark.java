package dev.slant.datasets.dedup;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.DataRoot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * Times duplicate detection on the real article-bias corpus (not a test: speed is reported, not asserted). The
 * first pass with near duplicates includes JIT warm-up; the second is the steady state. CPU time is the calling
 * thread's, which on a busy machine says more than wall time.
 * Run after {@code mvn -pl datasets test-compile} from the {@code datasets} folder with
 * {@code java -cp target/classes:target/test-classes:COMMONS_CSV_JAR dev.slant.datasets.dedup.DedupBenchmark [DATA_ROOT]}.
 */
public final class DedupBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DedupBenchmark() {
    }

    /**
     * @param args optionally the data root
     */
    public static void main(String[] args) {
        Path root = DataRoot.resolve(args.length > 0 ? Path.of(args[0]) : null);
        long t0 = System.nanoTime();
        List<LabelledArticle> articles = TestCorpora.articleBias(root.resolve("article-bias"));
        long t1 = System.nanoTime();
        System.out.printf("read %,d articles in %.1f s%n", articles.size(), (t1 - t0) / 1e9);
        for (DedupSettings settings : List.of(DedupSettings.EXACT_ONLY, DedupSettings.DEFAULT,
                DedupSettings.DEFAULT)) {
            long s = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            DuplicateGroups groups = new Deduplicator(settings, TextKeys.BODY_LOWERCASE_COLLAPSED).find(articles);
            long cpuEnd = THREADS.getCurrentThreadCpuTime();
            long e = System.nanoTime();
            System.out.printf("near=%s: %.2f s wall, %.2f s CPU, %d groups (%d exact, %d near), %d extra copies%n",
                    settings.nearDuplicates(), (e - s) / 1e9, (cpuEnd - cpu) / 1e9, groups.groups().size(),
                    groups.ofKind(DuplicateKind.EXACT).size(), groups.ofKind(DuplicateKind.NEAR).size(),
                    groups.extraCopies());
        }
    }
}
