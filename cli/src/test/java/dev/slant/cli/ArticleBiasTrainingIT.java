package dev.slant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.Article;
import dev.slant.datasets.RealData;
import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.ArticleBiasCorpus;
import dev.slant.datasets.corpus.Corpora;
import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.bundle.BundleWriter;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.invariance.InvarianceReport;
import dev.slant.serve.ServeSettings;
import dev.slant.serve.SlantServer;
import dev.slant.training.BundleAssembler;
import dev.slant.training.Progress;
import dev.slant.training.SelectionGrid;
import dev.slant.training.TrainerSettings;
import dev.slant.training.TrainingJob;
import dev.slant.training.TrainingOutcome;
import dev.slant.training.TrainingRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trains for real on article-bias with the default settings and asserts floors a little under what they reach
 * (see the README's results), so that an accuracy regression fails the build. Settings are never chosen on a
 * test part here: the defaults are fixed, and figures on test parts are only asserted.
 */
class ArticleBiasTrainingIT {
    /**
     * The largest share of the media model's stance predictions an outlet signature may flip: a ceiling a little over
     * the 9.8% measured (another outlet's name in the body; docs/trust.md), far over the goal of 2%, so that
     * the finding cannot grow unnoticed.
     */
    private static final double SIGNATURE_FLIPS = 0.12;
    /** The largest share another perturbation may flip (3.2% measured, lower case). */
    private static final double OTHER_FLIPS = 0.05;
    /** Floor of the time split's later-years stance macro-F1 (0.630 measured). */
    private static final double LATER_FLOOR = 0.61;
    /** Floor of the time split's in-period stance macro-F1 (0.737 measured). */
    private static final double IN_PERIOD_FLOOR = 0.71;
    private static LoadedCorpus corpus;
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        corpus = LoadedCorpus.load(Corpora.open(ArticleBiasCorpus.NAME, RealData.root()), ReadOptions.STRICT);
    }

    private static TrainingOutcome train(List<Target> targets, String split, boolean outletCv, TrainerSettings trainer)
            throws Exception {
        return train(targets, split, outletCv, trainer, FeaturizerSettings.DEFAULTS);
    }

    private static TrainingOutcome train(List<Target> targets, String split, boolean outletCv, TrainerSettings trainer,
                                         FeaturizerSettings fs) throws Exception {
        TrainingRequest request = new TrainingRequest(targets, split, trainer, SelectionGrid.single(fs),
                ScrubSettings.DEFAULTS, outletCv, SplitChoice.DEFAULT_FOLDS, SplitChoice.DEFAULT_SEED, 2);
        return new TrainingJob(corpus, request, Progress.NONE).run();
    }

    @Test
    void stanceOnTheMediaSplitAndOnOutletsNeverSeen() throws Exception {
        TrainingOutcome o = train(List.of(ArticleBiasCorpus.STANCE), "media", true, TrainerSettings.DEFAULTS);
        double media = o.result().targets().get("stance").test().model().macroF1();
        double cv = o.outletCv().model().macroF1().mean();
        double ece = o.outletCv().pooled().model().ece().orElseThrow();
        System.err.printf("stance: media test macro-F1 %.4f, outlet-disjoint 5-fold CV mean macro-F1 %.4f, pooled ECE %.4f%n",
                media, cv, ece);
        assertTrue(media >= 0.60, "media test macro-F1 " + media);
        assertTrue(cv >= 0.46, "outlet-disjoint CV macro-F1 " + cv);
        // The temperature calibrates the probabilities on outlets never seen (0.156 without it).
        assertTrue(ece <= 0.09, "outlet-disjoint CV pooled expected calibration error " + ece);
        invariant(o);
        sameAnswersEverywhere(o);
    }

    /**
     * The media model under perturbations of its 1,300 test articles that must not change a stance: another outlet's
     * name, dateline or reprint footer, whitespace, quotes, case, a neutral sentence (docs/trust.md has the figures).
     */
    private static void invariant(TrainingOutcome o) {
        InvarianceReport inv = o.trust().invariance();
        assertEquals(1300, inv.articles());
        for (InvarianceReport.Row r : inv.rows("stance")) {
            System.err.printf("stance invariance, %s: %.4f flip (%d of %d), mean change %+.4f%n", r.perturbation(),
                    r.flipShare(), r.flips(), r.articles(), r.meanChange());
        }
        double signature = inv.maxSignatureFlipShare("stance");
        assertTrue(signature <= SIGNATURE_FLIPS, "largest flip share under an outlet signature " + signature);
        for (InvarianceReport.Row r : inv.rows("stance")) {
            if (!r.outletSignature()) {
                assertTrue(r.flipShare() <= OTHER_FLIPS, r.perturbation() + " flips " + r.flipShare());
            }
        }
        assertTrue(BundleAssembler.contents(o).modelCard().contains("## Invariance"), "the model card has the table");
    }

    /**
     * Stance trained on the articles before the time split's cut (the day that leaves about 20% of the dated articles
     * on or after it) and tested on the later ones, beside as many held-out articles from the training years.
     */
    @Test
    void stanceOnLaterYearsBesideTheTrainingYears() throws Exception {
        TrainingOutcome o = train(List.of(ArticleBiasCorpus.STANCE), SplitChoice.TIME, false, TrainerSettings.DEFAULTS);
        var fit = o.result().targets().get("stance");
        double later = fit.test().model().macroF1();
        double inPeriod = fit.valid().model().macroF1();
        System.err.printf("stance, split %s: later macro-F1 %.4f (majority %.4f, %d articles), in-period %.4f "
                        + "(majority %.4f, %d articles)%n", o.result().split(), later, fit.test().baselineFigures().macroF1(),
                fit.test().model().articles(), inPeriod, fit.valid().baselineFigures().macroF1(),
                fit.valid().model().articles());
        assertEquals(fit.test().model().articles(), fit.valid().model().articles(), "as many in-period as later articles");
        assertTrue(later >= LATER_FLOOR, "later macro-F1 " + later);
        assertTrue(inPeriod >= IN_PERIOD_FLOOR, "in-period macro-F1 " + inPeriod);
    }

    /**
     * The 1,300 published media test articles scored through the library, {@code slant score} and
     * {@code slant serve} give the labels and probabilities that training's test evaluation used.
     */
    private static void sameAnswersEverywhere(TrainingOutcome o) throws Exception {
        Path bundle = dir.resolve("media.slant");
        new BundleWriter().write(bundle, BundleAssembler.contents(o));
        SlantClassifier slant = SlantClassifier.load(bundle);
        Map<String, Outcome> evaluated = new LinkedHashMap<>();
        o.result().targets().get("stance").test().outcomes().forEach(x -> evaluated.put(x.articleId(), x));
        Map<String, Article> byId = new LinkedHashMap<>();
        corpus.articles().forEach(a -> byId.put(a.id(), a.article()));
        List<Article> test = new ArrayList<>();
        for (String id : evaluated.keySet()) {
            test.add(byId.get(id));
        }
        assertEquals(1300, test.size());
        assertTrue(evaluated.values().stream().allMatch(x -> x.probabilities().size() == 3),
                "training's outcomes carry every label's probability, so the comparisons below check them");

        // The library.
        List<Prediction> library = slant.classifyAll(test, 2);
        for (Prediction p : library) {
            assertAgrees(evaluated.get(p.articleId()), p.target("stance"));
        }

        // slant score, with the corpus's metadata as columns (scrubbing uses the outlet and host).
        String[] meta = {Article.OUTLET, Article.HOST, Article.URL, Article.DATE};
        Path in = dir.resolve("test.csv");
        try (var w = Files.newBufferedWriter(in); CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(List.of("id", "title", "text"));
            header.addAll(List.of(meta));
            printer.printRecord(header);
            for (Article a : test) {
                List<String> row = new ArrayList<>(List.of(a.id(), a.title(), a.text()));
                for (String m : meta) {
                    row.add(a.meta(m).orElse(""));
                }
                printer.printRecord(row);
            }
        }
        Path out = dir.resolve("scores.jsonl");
        List<String> args = new ArrayList<>(List.of("score", "--model", bundle.toString(), "--input", in.toString(),
                "--id-column", "id", "--title-column", "title", "--output", out.toString(), "--probabilities", "--quiet"));
        for (String m : meta) {
            args.addAll(List.of("--meta", m + "=" + m));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(out);
        assertEquals(1300, lines.size());
        for (String line : lines) {
            JsonNode answer = json.readTree(line);
            assertAgrees(evaluated.get(answer.get("id").textValue()), answer.get("stance"));
        }

        // slant serve, the same articles with their metadata.
        try (SlantServer server = SlantServer.start(slant, ServeSettings.defaults().withAddress("127.0.0.1", 0))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (Article a : test) {
                ObjectNode body = json.createObjectNode().put("id", a.id()).put("title", a.title()).put("text", a.text());
                ObjectNode m = body.putObject("meta");
                a.metadata().forEach(m::put);
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri().resolve("/v1/classify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertAgrees(evaluated.get(a.id()), json.readTree(r.body()).get("stance"));
            }
        }
    }

    private static void assertAgrees(Outcome expected, TargetPrediction actual) {
        assertEquals(expected.predicted(), actual.label(), expected.articleId());
        assertEquals(expected.probabilities().keySet(), actual.probabilities().keySet(), expected.articleId());
        expected.probabilities().forEach((label, p) -> assertEquals(p, actual.probabilities().get(label), 1e-9,
                expected.articleId() + " " + label));
    }

    private static void assertAgrees(Outcome expected, JsonNode actual) {
        assertEquals(expected.predicted(), actual.get("label").textValue(), expected.articleId());
        assertEquals(expected.probabilities().size(), actual.get("probabilities").size(), expected.articleId());
        expected.probabilities().forEach((label, p) -> assertEquals(p, actual.get("probabilities").get(label).doubleValue(),
                1e-9, expected.articleId() + " " + label));
    }

    /**
     * Stance on the random split's test part in the easy setting (nothing scrubbed, every n-gram kept, tokens of two
     * letters kept as scikit-learn keeps them, no outlet prototypes, and character 2-4-grams of the raw text, which
     * learn outlets' house style: {@code --no-scrub --min-outlets 1 --min-token-length 2 --outlet-prototypes 0
     * --raw-chars 2-4}): the same outlets sit on both sides, so this figure rewards outlet fingerprints and sits beside
     * the leakage-controlled ones above, never instead of them.
     */
    @Test
    void stanceOnTheRandomSplitWithFingerprints() throws Exception {
        TrainingOutcome o = train(List.of(ArticleBiasCorpus.STANCE), "random", false,
                TrainerSettings.DEFAULTS.withPrototypeShare(0),
                FeaturizerSettings.DEFAULTS.withScrub(false).withMinOutlets(1).withMinTokenLength(2).withRawCharNgrams(2, 4));
        double random = o.result().targets().get("stance").test().model().macroF1();
        System.err.printf("stance: random test macro-F1 %.4f (not scrubbed, every n-gram kept, raw characters)%n", random);
        assertTrue(random >= 0.86, "random test macro-F1 " + random);
    }

    /**
     * Topic with the default settings on the random split's valid part: the 1,300 test articles cover only 27 of
     * the 108 topics, so topic is measured on the 6,996 valid articles (no setting is chosen on them: the defaults
     * are fixed; the class weights' exponent and C for many labels were chosen on a slice of the train part).
     */
    @Test
    void topicOnTheRandomSplit() throws Exception {
        TrainingOutcome o = train(List.of(ArticleBiasCorpus.TOPIC), "random", false, TrainerSettings.DEFAULTS);
        var topic = o.result().targets().get("topic").valid().model();
        System.err.printf("topic: random valid macro-F1 %.4f, accuracy %.4f%n", topic.macroF1(), topic.accuracy());
        assertTrue(topic.macroF1() >= 0.48, "topic valid macro-F1 " + topic.macroF1());
        assertTrue(topic.accuracy() >= 0.62, "topic valid accuracy " + topic.accuracy());
    }
}
