package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import dev.slant.datasets.corpus.DataRoot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures scrubbing on the article-bias corpus: fits on the media split's training part, prints what was learned,
 * the single-thread throughput of {@link Scrubber#apply}, and how many articles per stance label carry each known
 * fingerprint before and after scrubbing (whole corpus, and the test part that fitting never saw). Run by hand:
 *
 * <pre>
 * mvn -q -pl datasets test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp datasets/target/classes:datasets/target/test-classes:$(cat datasets/target/cp.txt) \
 *     dev.slant.datasets.scrub.ScrubBenchmark [rounds [media|random [speed]]]
 * </pre>
 */
public final class ScrubBenchmark {
    private static final List<String> LABELS = List.of("left", "center", "right");

    private ScrubBenchmark() {
    }

    /**
     * @param args optional: measured rounds (default 5), split to fit on ("media", the default, or "random"), and
     *             "speed" to stop after the throughput
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = DataRoot.resolve(null).resolve("article-bias");
        long t0 = System.nanoTime();
        List<ArticleBiasFile.Labelled> corpus = ArticleBiasFile.read(dir);
        String split = args.length > 1 ? args[1] : "media";
        Set<String> train = ArticleBiasFile.splitIds(dir, split, "train");
        Set<String> test = ArticleBiasFile.splitIds(dir, split, "test");
        System.out.printf("read %d articles in %.1f s%n", corpus.size(), (System.nanoTime() - t0) / 1e9);

        List<Article> all = corpus.stream().map(ArticleBiasFile.Labelled::article).toList();
        List<Article> trainArticles = all.stream().filter(a -> train.contains(a.id())).toList();
        t0 = System.nanoTime();
        Scrubber scrubber = Scrubber.fit(trainArticles, ScrubSettings.DEFAULTS);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        ScrubRules rules = scrubber.rules();
        System.out.printf("fit on %d " + split + "-train articles in %.1f s: %d phrases, %d line openers%n",
                trainArticles.size(), fitSeconds, rules.phrases().size(), rules.lineOpeners().size());
        rules.phrases().stream().limit(40).forEach(p -> System.out.println("  phrase: " + clip(p)));
        rules.lineOpeners().forEach(p -> System.out.println("  opener: " + clip(p)));

        throughput(scrubber, all, rounds);
        throughput(Scrubber.of(new ScrubRules(true, rules.agencies(), true, rules.markers(), List.of(), List.of())),
                all, rounds);
        throughput(Scrubber.of(new ScrubRules(true, rules.agencies(), false, List.of(), List.of(), List.of())),
                all, rounds);
        throughput(Scrubber.of(new ScrubRules(false, rules.agencies(), false, List.of(), rules.phrases(), List.of())),
                all, rounds);
        throughput(Scrubber.of(new ScrubRules(false, rules.agencies(), false, List.of(), List.of(),
                rules.lineOpeners())), all, rounds);
        throughput(Scrubber.of(new ScrubRules(false, rules.agencies(), true, List.of(), List.of(), List.of())),
                all, rounds);
        if (args.length > 2 && args[2].equals("speed")) {
            return;
        }

        List<ArticleBiasFile.Labelled> testPart = corpus.stream().filter(l -> test.contains(l.article().id()))
                .toList();
        fingerprints("whole corpus", corpus, scrubber);
        fingerprints(split + " test part (not seen by fit)", testPart, scrubber);

        ScrubSummary summary = scrubber.summarize(all);
        System.out.printf("summary: %d articles, %d changed, chars %d -> %d (%.1f%% removed)%n", summary.articles(),
                summary.articlesChanged(), summary.charsBefore(), summary.charsAfter(),
                100.0 * (summary.charsBefore() - summary.charsAfter()) / summary.charsBefore());
        summary.articlesByRule().forEach((r, n) -> System.out.printf("  %-13s %6d articles%n", r, n));
        summary.articlesByEntry().stream().limit(40).forEach(e -> System.out.printf("  %6d %-13s %s%n",
                e.articles(), e.rule(), clip(e.entry())));
    }

    private static void throughput(Scrubber scrubber, List<Article> articles, int rounds) {
        long bytes = 0;
        for (Article a : articles) {
            bytes += a.title().getBytes(StandardCharsets.UTF_8).length + a.text().getBytes(StandardCharsets.UTF_8).length;
        }
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (Article a : articles) {
                sink += scrubber.apply(a).text().length();
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestCpu = Double.MAX_VALUE;
        double wall = 0;
        double cpu = 0;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            for (Article a : articles) {
                sink += scrubber.apply(a).text().length();
            }
            double cs = (threads.getCurrentThreadCpuTime() - c) / 1e9;
            wall += (System.nanoTime() - t) / 1e9;
            cpu += cs;
            bestCpu = Math.min(bestCpu, cs);
        }
        System.out.printf("throughput (%d phrases, %d openers, %d markers): %.0f MB/s per CPU-second (best round %.0f),"
                + " %.0f MB/s wall clock, over %.1f MB x %d rounds, one thread (checksum %d)%n",
                scrubber.rules().phrases().size(), scrubber.rules().lineOpeners().size(),
                scrubber.rules().markers().size(), bytes / 1e6 / (cpu / rounds), bytes / 1e6 / bestCpu,
                bytes / 1e6 / (wall / rounds), bytes / 1e6, rounds, sink);
    }

    private static void fingerprints(String title, List<ArticleBiasFile.Labelled> articles, Scrubber scrubber) {
        Map<String, Predicate<Article>> prints = new LinkedHashMap<>();
        prints.put("(Reuters)", a -> a.text().contains("(Reuters)"));
        prints.put("Reuters in Reuters articles", a -> isOutlet(a, "Reuters") && a.text().contains("Reuters"));
        prints.put("(AP)", a -> a.text().contains("(AP)"));
        prints.put("(CNN)", a -> a.text().contains("(CNN)"));
        prints.put("CNN in CNN articles", a -> isOutlet(a, "CNN (Web News)") && a.text().contains("CNN"));
        prints.put("Fox News in Fox articles", a -> a.meta(Article.OUTLET).orElse("").startsWith("Fox")
                && a.text().contains("Fox News"));
        prints.put("The Washington Times, LLC", a -> a.text().contains("The Washington Times, LLC"));
        prints.put("Washington Times in WT articles", a -> isOutlet(a, "Washington Times")
                && a.text().contains("Washington Times"));
        prints.put("Media playback is unsupported", a -> a.text().contains("Media playback is unsupported"));
        prints.put("Click here", a -> a.text().contains("Click here"));
        prints.put("click here (any case)", a -> a.text().toLowerCase(java.util.Locale.ROOT).contains("click here"));
        prints.put("Featured image", a -> a.text().contains("Featured image"));
        prints.put("Story Continued Below", a -> a.text().contains("Story Continued Below"));
        System.out.println("fingerprints, " + title + ": articles per label before -> after (share of before kept)");
        Map<String, int[][]> counts = new LinkedHashMap<>();
        prints.keySet().forEach(k -> counts.put(k, new int[2][LABELS.size()]));
        for (ArticleBiasFile.Labelled l : articles) {
            Article after = scrubber.apply(l.article());
            int label = LABELS.indexOf(l.stance());
            prints.forEach((name, p) -> {
                if (p.test(l.article())) {
                    counts.get(name)[0][label]++;
                }
                if (p.test(after)) {
                    counts.get(name)[1][label]++;
                }
            });
        }
        counts.forEach((name, c) -> {
            int before = c[0][0] + c[0][1] + c[0][2];
            int after = c[1][0] + c[1][1] + c[1][2];
            System.out.printf("  %-32s left %5d -> %5d  center %5d -> %5d  right %5d -> %5d  (%.1f%% kept)%n", name,
                    c[0][0], c[1][0], c[0][1], c[1][1], c[0][2], c[1][2], before == 0 ? 0.0 : 100.0 * after / before);
        });
    }

    private static boolean isOutlet(Article a, String outlet) {
        return a.meta(Article.OUTLET).orElse("").equals(outlet);
    }

    private static String clip(String s) {
        return s.length() <= 110 ? s : s.substring(0, 107) + "...";
    }
}
