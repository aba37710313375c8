package dev.slant.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import dev.slant.datasets.corpus.Corpora;
import dev.slant.datasets.corpus.DataRoot;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.bundle.BundleContents;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.bundle.Manifest;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.eval.TargetEvaluation;
import dev.slant.inference.eval.TargetResult;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.model.FeatureNames;
import dev.slant.inference.report.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A small model for the page's tests that knows real English: stance and topic trained on the first
 * {@value #ARTICLES} articles of article-bias when the corpus is here (every fifth held out), else on seeded
 * English-like articles (a realistic fixture: political sentences with real words, by label). Its metrics are real
 * evaluations of the held-out articles in the layout training writes: a test report per target and an
 * outlet-grouped cross-validation of stance (the held-out articles in three folds by outlet). Made once per JVM.
 */
final class PageFixture {
    /** Articles read from the corpus. */
    static final int ARTICLES = 1200;
    /** The model card: a heading, a list, a table, code, and markup that must stay text. */
    static final String CARD = String.join("\n",
            "# Slant model card",
            "",
            "## Intended use",
            "",
            "Classifies English political news articles by stance and topic. A **test fixture**, not a model to use.",
            "",
            "## Data",
            "",
            "- Corpus: the first articles of `article-bias` <img src=x onerror=\"window.__pwned=7\">",
            "- Split: every fifth article held out",
            "",
            "## Figures",
            "",
            "| evaluation | model | majority baseline |",
            "| --- | --- | --- |",
            "| stance, held out | see the table above | <script>window.__pwned=8</script> |",
            "");

    /** What the tests get. */
    record Fixture(SlantClassifier slant, List<Article> heldOut, boolean real) {
    }

    private static Fixture fixture;

    private PageFixture() {
    }

    static synchronized Fixture get() throws Exception {
        if (fixture == null) {
            fixture = make();
        }
        return fixture;
    }

    private static Fixture make() throws Exception {
        Path corpus = DataRoot.resolve(null).resolve("article-bias");
        boolean real = Files.isDirectory(corpus);
        List<LabelledArticle> all = real ? read(corpus.getParent()) : generated(1000, 30);
        List<LabelledArticle> train = new ArrayList<>();
        List<LabelledArticle> test = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 5 == 4 ? test : train).add(all.get(i));
        }
        List<Article> trainArticles = train.stream().map(LabelledArticle::article).toList();
        Featurizer unfitted = Featurizer.unfitted(FeaturizerSettings.DEFAULTS.withBuckets(1 << 14), Scrubber.fit(trainArticles));
        List<FeatureVector> counts = new ArrayList<>();
        List<String> outlets = new ArrayList<>();
        for (Article a : trainArticles) {
            counts.add(unfitted.termCounts(a));
            outlets.add(a.meta(Article.OUTLET).orElse(a.id()));
        }
        Featurizer featurizer = unfitted.fit(counts, outlets);
        List<FeatureVector> features = new ArrayList<>();
        for (LabelledArticle a : train) {
            features.add(featurizer.featurize(a.article()));
        }
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        for (String target : List.of("stance", "topic")) {
            models.put(target, train(features, train, target));
        }
        Path dir = Files.createTempDirectory("slant-page-");
        Path file = dir.resolve("page.slant");
        new BundleWriter().write(file, new BundleContents(featurizer, models, 30L, "0".repeat(64), train.size(), 0,
                new ObjectMapper().createObjectNode(), CARD, BundleContents.DEFAULT_PRECISION));
        LoadedBundle draft = BundleReader.read(file);
        Files.delete(file);
        Files.delete(dir);
        // The metrics are evaluations of the model itself, so they go into the loaded bundle's manifest afterwards.
        ObjectNode metrics = metrics(SlantClassifier.of(draft), train, test, real);
        Manifest m = draft.manifest();
        Manifest withMetrics = new Manifest(m.formatVersion(), m.slantVersion(), m.created(), m.targets(), m.featurizer(), m.seed(),
                m.trainingDataSha256(), m.rowsUsed(), m.rowsRejected(), metrics, m.entries());
        LoadedBundle bundle = new LoadedBundle(draft.file(), withMetrics, draft.featurizer(), draft.scorers(), draft.modelCard(),
                draft.provenance());
        return new Fixture(SlantClassifier.of(bundle), test.stream().map(LabelledArticle::article).toList(), real);
    }

    private static List<LabelledArticle> read(Path root) throws Exception {
        List<LabelledArticle> out = new ArrayList<>();
        try (ArticleReader reader = Corpora.open("article-bias", root).open(ReadOptions.LENIENT)) {
            while (reader.hasNext() && out.size() < ARTICLES) {
                out.add(reader.next());
            }
        }
        return out;
    }

    private static Model<Label> train(List<FeatureVector> features, List<LabelledArticle> training, String target) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("page fixture " + target,
                java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"), new LabelFactory()), new LabelFactory());
        for (int i = 0; i < training.size(); i++) {
            if (features.get(i).size() == 0) {
                continue; // nothing the featurizer keeps, as training leaves such articles out
            }
            data.add(FeatureNames.example(new Label(training.get(i).labels().get(target).orElseThrow()), features.get(i)));
        }
        // An SVM for stance as in training; naive Bayes for the many topics, which trains in one pass.
        return TinyTrainers.all().get(target.equals("stance") ? "liblinear-svm" : "naive-bayes").train(data);
    }

    /** The held-out articles evaluated as training evaluates them, in the layout of a bundle's metrics. */
    private static ObjectNode metrics(SlantClassifier slant, List<LabelledArticle> train, List<LabelledArticle> test,
            boolean real) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        m.put("corpus", real ? "article-bias (first " + ARTICLES + " rows)" : "generated fixture");
        m.put("split", "fixture");
        ObjectNode targets = m.putObject("targets");
        for (String target : slant.targets()) {
            List<String> labels = slant.labels(target);
            MajorityBaseline baseline = MajorityBaseline.fromTrainingLabels(labels,
                    train.stream().map(a -> a.labels().get(target).orElseThrow()).toList());
            List<Outcome> outcomes = outcomes(slant, test, target);
            ObjectNode t = targets.putObject(target);
            t.put("trainer", target.equals("stance") ? "liblinear-svm" : "naive-bayes");
            t.put("trainRows", train.size());
            t.set("test", report(json, TargetEvaluation.of(target, labels, target.equals("stance"), baseline, outcomes)));
            if (target.equals("stance")) {
                List<TargetEvaluation> folds = new ArrayList<>();
                for (int f = 0; f < 3; f++) {
                    int fold = f;
                    List<LabelledArticle> part = test.stream()
                            .filter(a -> Math.floorMod(a.article().meta(Article.OUTLET).orElse("").hashCode(), 3) == fold).toList();
                    folds.add(TargetEvaluation.of(target, labels, true, baseline, outcomes(slant, part, target)));
                }
                CrossValidation cv = CrossValidation.of(folds);
                ObjectNode c = m.putObject("outletCv");
                c.put("target", target);
                c.put("folds", 3);
                c.put("kind", "outlet-disjoint");
                c.put("macroF1Mean", cv.model().macroF1().mean());
                c.put("macroF1Std", cv.model().macroF1().standardDeviation());
                c.set("report", report(json, cv));
            }
        }
        return m;
    }

    private static List<Outcome> outcomes(SlantClassifier slant, List<LabelledArticle> articles, String target) {
        List<Outcome> out = new ArrayList<>();
        for (LabelledArticle a : articles) {
            String gold = a.labels().get(target).orElseThrow();
            if (!slant.labels(target).contains(gold)) {
                continue; // a topic no training article had
            }
            Prediction p = slant.classify(a.article());
            TargetPrediction t = p.target(target);
            out.add(t.abstained() ? Outcome.abstained(a.article().id(), gold, Map.of())
                    : Outcome.answered(a.article().id(), gold, t.label(), t.probabilities()));
        }
        return out;
    }

    private static ObjectNode report(ObjectMapper json, TargetResult r) throws Exception {
        return (ObjectNode) json.readTree(JsonReport.render(List.of(r)));
    }

    /** English-like articles for machines without the corpus: each label has its own words, all share the rest. */
    static List<LabelledArticle> generated(int n, long seed) {
        Map<String, String[]> stance = Map.of(
                "left", new String[] {"workers", "climate", "healthcare", "union", "inequality", "immigrants", "voting rights", "wages"},
                "center", new String[] {"officials", "according", "percent", "report", "agency", "analysts", "data", "statement"},
                "right", new String[] {"taxes", "border", "freedom", "military", "spending", "regulation", "conservative", "liberty"});
        Map<String, String[]> topic = Map.of(
                "elections", new String[] {"ballot", "campaign", "polls", "primary", "candidates"},
                "immigration", new String[] {"asylum", "migrants", "deportation", "visas", "refugees"},
                "economy_and_jobs", new String[] {"jobs", "economy", "inflation", "unemployment", "growth"},
                "healthcare", new String[] {"insurance", "medicaid", "hospitals", "patients", "premiums"});
        // Enough outlets for the featurizer's rule that an n-gram must be seen in 10 of them.
        List<String> outlets = new ArrayList<>();
        for (String town : new String[] {"Northern", "Coastal", "Metro", "Plains", "Valley", "Harbor"}) {
            for (String paper : new String[] {"Ledger", "Times", "Wire", "Gazette"}) {
                outlets.add("The " + town + " " + paper);
            }
        }
        String[] filler = {"the", "senate", "said", "on", "tuesday", "that", "lawmakers", "would", "consider", "a", "new",
            "plan", "for", "the", "state", "after", "weeks", "of", "debate", "among", "members", "of", "congress"};
        List<String> stances = List.of("left", "center", "right");
        List<String> topics = List.of("elections", "immigration", "economy_and_jobs", "healthcare");
        Random random = new Random(seed);
        List<LabelledArticle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int o = random.nextInt(outlets.size());
            String s = stances.get((o + random.nextInt(2)) % 3);
            String t = topics.get(random.nextInt(topics.size()));
            StringBuilder text = new StringBuilder();
            for (int sentence = 0; sentence < 6; sentence++) {
                StringBuilder words = new StringBuilder();
                for (int w = 0; w < 14; w++) {
                    int r = random.nextInt(6);
                    String word = r == 0 ? pick(random, stance.get(s)) : r == 1 ? pick(random, topic.get(t)) : pick(random, filler);
                    words.append(words.length() == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
                }
                text.append(words.toString().strip()).append(". ");
            }
            String title = "Lawmakers weigh " + pick(random, topic.get(t)) + " and " + pick(random, stance.get(s));
            Article a = new Article("g" + i, title, text.toString().strip(), Map.of(Article.OUTLET, outlets.get(o),
                    Article.DATE, String.format(java.util.Locale.ROOT, "2019-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))));
            out.add(new LabelledArticle(a, Labels.single(Map.of("stance", s, "topic", t))));
        }
        return out;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
