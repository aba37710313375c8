package dev.slant.training;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.ReadReport;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small corpus made in memory: stance words ("tax cuts" right, "climate justice" left, "bipartisan" center)
 * mixed with neutral words, 30 outlets whose own name appears in their articles, and topics "economy" and
 * "environment". Seeded: the same arguments give the same corpus.
 */
final class SyntheticCorpus implements Corpus {
    static final List<String> STANCES = List.of("left", "center", "right");
    private static final String[][] CUES = {
            {"climate", "justice", "workers", "union", "equity", "progressive"},
            {"bipartisan", "compromise", "moderate", "analysts", "balanced", "centrist"},
            {"tax", "cuts", "border", "freedom", "patriots", "conservative"}};
    private static final String[] NEUTRAL = {"the", "senate", "house", "bill", "vote", "today", "said", "week",
            "president", "policy", "state", "report", "new", "government", "plan", "people"};

    private final List<LabelledArticle> articles;

    SyntheticCorpus(int n, long seed) {
        Random random = new Random(seed);
        articles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int outlet = i % 30;
            int stance = outlet % 3;
            StringBuilder text = new StringBuilder("Outlet" + outlet + " News reports. ");
            for (int w = 0; w < 60; w++) {
                boolean cue = random.nextDouble() < 0.25;
                text.append(cue ? CUES[stance][random.nextInt(6)] : NEUTRAL[random.nextInt(NEUTRAL.length)]).append(' ');
            }
            String topic = random.nextBoolean() ? "economy" : "environment";
            text.append(topic.equals("economy") ? "jobs inflation market" : "forests emissions rivers");
            Article a = new Article("a" + i, "Title " + i, text.toString(),
                    Map.of(Article.OUTLET, "Outlet" + outlet + " News", Article.HOST, "www.outlet" + outlet + ".com"));
            articles.add(new LabelledArticle(a, Labels.single(Map.of("stance", STANCES.get(stance), "topic", topic))));
        }
    }

    LoadedCorpus load() throws IOException {
        return LoadedCorpus.load(this, ReadOptions.STRICT);
    }

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public List<Target> targets() {
        return List.of(new Target("stance", STANCES, true, false), Target.named("topic"));
    }

    @Override
    public ArticleReader open(ReadOptions options) {
        Iterator<LabelledArticle> it = articles.iterator();
        ReadReport report = new ReadReport();
        return new ArticleReader() {
            @Override
            public ReadReport report() {
                return report;
            }

            @Override
            public void close() {
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public LabelledArticle next() {
                report.accept();
                return it.next();
            }
        };
    }

    @Override
    public Map<String, Split> publishedSplits() {
        return Map.of();
    }
}
