package dev.slant.cli;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.dedup.DedupSettings;
import dev.slant.datasets.dedup.Deduplicator;
import dev.slant.datasets.dedup.DuplicateGroup;
import dev.slant.datasets.dedup.DuplicateGroups;
import dev.slant.datasets.dedup.DuplicateKind;
import dev.slant.datasets.io.ArticleLayout;
import dev.slant.datasets.io.ArticleWriter;
import dev.slant.datasets.io.ArticleWriters;
import dev.slant.datasets.io.RecordProblem;
import dev.slant.datasets.scrub.ScrubSummary;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code slant datasets}: statistics and export of labelled corpora. */
@Command(name = "datasets",
        description = "Statistics and export of labelled corpora.",
        subcommands = {DatasetsCommand.Stats.class, DatasetsCommand.Export.class})
public final class DatasetsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (stats, export)");
    }

    /** Labels shown per target before the rest are summed up. */
    static final int SHOWN_LABELS = 20;

    /** {@code slant datasets stats}. */
    @Command(name = "stats",
            description = "Rows, rejected rows, labels per target, split sizes, duplicates, and read speed.")
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CorpusOptions source = new CorpusOptions();

        @Option(names = "--all-labels", description = "List every label, not only the " + SHOWN_LABELS + " most frequent.")
        boolean allLabels;

        @Override
        public Integer call() throws Exception {
            source.distinctFiles().verify();
            PrintWriter out = spec.commandLine().getOut();
            Corpus corpus = source.corpus();
            LoadedCorpus loaded = source.load(corpus);
            out.printf("corpus %s%n", corpus.name());
            out.printf("read %,d records: %,d accepted, %,d rejected, in %.1f s (%.1f MB of text, %.1f MB/s)%n",
                    loaded.report().records(), loaded.report().accepted(), loaded.report().rejectedTotal(),
                    loaded.nanos() / 1e9, loaded.report().bytes() / 1e6, loaded.megabytesPerSecond());
            for (Map.Entry<RecordProblem.Reason, Long> e : loaded.report().rejected().entrySet()) {
                out.printf("  rejected, %s: %,d%n", e.getKey().text(), e.getValue());
            }
            for (Target t : corpus.targets()) {
                printLabels(out, t, loaded.articles());
            }
            for (Map.Entry<String, Split> e : corpus.publishedSplits().entrySet()) {
                Map<Part, Integer> sizes = e.getValue().sizes();
                out.printf("split %s: train %,d / valid %,d / test %,d%n", e.getKey(),
                        sizes.get(Part.TRAIN), sizes.get(Part.VALID), sizes.get(Part.TEST));
            }
            long t0 = System.nanoTime();
            DuplicateGroups groups = Deduplicator.onNormalizedText().find(loaded.articles());
            printDuplicates(out, corpus, groups, (System.nanoTime() - t0) / 1e9);
            return ExitCodes.OK;
        }

        private void printLabels(PrintWriter out, Target t, List<LabelledArticle> articles) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            t.labels().forEach(l -> counts.put(l, 0));
            int unlabelled = 0;
            for (LabelledArticle a : articles) {
                List<String> labels = a.labels().all(t.name());
                if (labels.isEmpty()) {
                    unlabelled++;
                }
                labels.forEach(l -> counts.merge(l, 1, Integer::sum));
            }
            out.printf("target %s%s: %,d labels%s%n", t.name(), t.ordinal() ? " (ordinal)" : t.multiValued() ? " (several per article)" : "",
                    counts.size(), unlabelled > 0 ? String.format(", %,d articles without one", unlabelled) : "");
            List<Map.Entry<String, Integer>> shown = new ArrayList<>(counts.entrySet());
            if (t.labels().isEmpty()) {
                shown.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
            }
            int limit = allLabels ? shown.size() : Math.min(SHOWN_LABELS, shown.size());
            for (int i = 0; i < limit; i++) {
                out.printf("  %-28s %,8d%n", shown.get(i).getKey(), shown.get(i).getValue());
            }
            if (limit < shown.size()) {
                int rest = shown.subList(limit, shown.size()).stream().mapToInt(Map.Entry::getValue).sum();
                out.printf("  (%,d more labels, %,d articles; --all-labels lists them)%n", shown.size() - limit, rest);
            }
        }

        private static void printDuplicates(PrintWriter out, Corpus corpus, DuplicateGroups groups, double seconds) {
            List<DuplicateGroup> exact = groups.ofKind(DuplicateKind.EXACT);
            List<DuplicateGroup> near = groups.ofKind(DuplicateKind.NEAR);
            out.printf("duplicates (same normalized text): %,d groups, %,d extra copies%n", exact.size(),
                    exact.stream().mapToInt(g -> g.size() - 1).sum());
            out.printf("near duplicates (MinHash Jaccard >= %.2f): %,d more groups, %,d extra copies%n",
                    DedupSettings.DEFAULT_THRESHOLD, near.size(), near.stream().mapToInt(g -> g.size() - 1).sum());
            for (Target t : corpus.targets()) {
                long ex = exact.stream().filter(g -> g.conflictsOn(t.name())).count();
                long nr = near.stream().filter(g -> g.conflictsOn(t.name())).count();
                if (ex + nr > 0) {
                    out.printf("  with conflicting %s labels: %,d exact, %,d near%n", t.name(), ex, nr);
                }
            }
            out.printf("  (found in %.1f s)%n", seconds);
        }
    }

    /** {@code slant datasets export}. */
    @Command(name = "export",
            description = "Write a corpus, or one part of a split, to CSV or JSONL (by the output's extension; .gz compresses).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CorpusOptions source = new CorpusOptions();

        @Option(names = "--split", paramLabel = "NAME", description = "Export one part of this split (a published one, stratified, or outlet).")
        String split;

        @Option(names = "--part", paramLabel = "PART", defaultValue = "test",
                description = "train, valid or test (default: ${DEFAULT-VALUE}).")
        String part;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SplitChoice.DEFAULT_SEED,
                description = "Seed of a split made here (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scrub", description = "Scrub outlet fingerprints, with rules fitted on the split's train part "
                + "only (on every article without --split), and list on stderr what was removed.")
        boolean scrub;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "The output file (.csv, .tsv, .jsonl, optionally .gz), replaced whole or not at all; a FIFO, a "
                + "device or /dev/stdout is written as it comes. CSV cells starting with = + - @ get a leading ' (JSONL: as is).")
        Path output;

        @Override
        public Integer call() throws Exception {
            source.distinctFiles().writes("--output", output).verify();
            Corpus corpus = source.corpus();
            LoadedCorpus loaded = source.load(corpus);
            List<LabelledArticle> chosen = loaded.articles();
            List<LabelledArticle> fitOn = loaded.articles();
            if (split != null) {
                if (SplitChoice.OUTLET_CV.equals(split)) {
                    throw new IllegalArgumentException("export takes one split, not the folds of " + SplitChoice.OUTLET_CV);
                }
                DuplicateGroups groups = Deduplicator.onNormalizedText().find(loaded.articles());
                Split s = SplitChoice.make(split, loaded.articles(), corpus.publishedSplits(), groups::groupKey,
                        corpus.targets().get(0).name(), seed, SplitChoice.DEFAULT_FOLDS).get(0);
                Part p = Part.parse(part);
                chosen = loaded.articles().stream().filter(a -> s.partOf(a.id()).orElse(null) == p).toList();
                fitOn = loaded.articles().stream().filter(a -> s.partOf(a.id()).orElse(null) == Part.TRAIN).toList();
            }
            if (scrub) {
                chosen = scrubbed(chosen, fitOn, spec.commandLine().getErr());
            }
            ArticleLayout layout = new ArticleLayout(metadataKeys(chosen), corpus.targets().stream().map(Target::name).toList());
            try (ArticleWriter w = ArticleWriters.open(output, layout)) {
                for (LabelledArticle a : chosen) {
                    w.write(a);
                }
                w.commit();
            }
            spec.commandLine().getErr().printf("slant: wrote %,d articles to %s (%,d records read, %,d rejected)%n",
                    chosen.size(), output, loaded.report().records(), loaded.report().rejectedTotal());
            return ExitCodes.OK;
        }

        private static List<LabelledArticle> scrubbed(List<LabelledArticle> articles, List<LabelledArticle> fitOn, PrintWriter err) {
            Scrubber scrubber = Scrubber.fit(fitOn.stream().map(LabelledArticle::article).toList());
            ScrubSummary summary = scrubber.summarize(articles.stream().map(LabelledArticle::article).toList());
            err.printf("slant: scrubbing, rules fitted on %,d articles, changed %,d of %,d articles (%,d of %,d characters removed)%n",
                    fitOn.size(), summary.articlesChanged(), summary.articles(), summary.charsBefore() - summary.charsAfter(),
                    summary.charsBefore());
            summary.articlesByRule().forEach((rule, n) -> err.printf("  %-14s %,8d articles%n", rule, n));
            summary.articlesByEntry().stream().limit(SHOWN_LABELS)
                    .forEach(e -> err.printf("  %,8d  %s: %s%n", e.articles(), e.rule(), e.entry()));
            return articles.stream().map(a -> new LabelledArticle(scrubber.apply(a.article()), a.labels())).toList();
        }

        private static List<String> metadataKeys(List<LabelledArticle> articles) {
            java.util.TreeSet<String> keys = new java.util.TreeSet<>();
            articles.forEach(a -> keys.addAll(a.article().metadata().keySet()));
            return List.copyOf(keys);
        }
    }
}
