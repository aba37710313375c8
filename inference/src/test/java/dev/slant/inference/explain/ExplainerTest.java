package dev.slant.inference.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.TestBundles;
import dev.slant.inference.features.TitleMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerTest {
    static final double EPS = 1e-9;
    static SlantClassifier slant;
    static SlantClassifier joined;
    static List<Article> unseen;
    static Path file;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        file = TestBundles.write(dir.resolve("a.slant"));
        slant = SlantClassifier.load(file);
        joined = SlantClassifier.load(TestBundles.write(dir.resolve("b.slant"), Synthetic.SETTINGS.withTitleMode(TitleMode.JOIN)));
        unseen = new ArrayList<>();
        for (LabelledArticle a : Synthetic.articles(30, 5)) {
            unseen.add(a.article());
        }
    }

    @Test
    void contributionsOfAllFeaturesPlusBiasAreTheDecisionValueAndSentencesCoverTheSameTotal() {
        for (SlantClassifier c : List.of(slant, joined)) {
            for (Article a : unseen) {
                ExplainedPrediction e = c.explain(a, Integer.MAX_VALUE);
                assertEquals(c.classify(a), e.prediction(), "explain predicts as classify does");
                for (TargetPrediction t : e.prediction().targets()) {
                    Explanation x = e.explanations().get(t.target());
                    assertEquals(t.label(), x.label());
                    double ngramTotal = x.ngrams().stream().mapToDouble(NgramContribution::contribution).sum();
                    double sentenceTotal = x.sentences().stream().mapToDouble(SentenceContribution::contribution).sum();
                    assertEquals(x.decisionValue(), ngramTotal + x.bias(), EPS, a.id() + " " + t.target());
                    assertEquals(ngramTotal, sentenceTotal, EPS, a.id() + " " + t.target());
                    assertEquals(t.knownFeatures(), x.ngrams().size(), "every known feature is listed");
                    for (NgramContribution n : x.ngrams()) {
                        assertEquals(n.weight() * n.value(), n.contribution(), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void theDecisionValueAndBiasAreTheScorersOwn() throws Exception {
        dev.slant.inference.bundle.LoadedBundle b = dev.slant.inference.bundle.BundleReader.read(file);
        for (Article a : unseen) {
            ExplainedPrediction e = slant.explain(a, 3);
            for (TargetPrediction t : e.prediction().targets()) {
                dev.slant.inference.score.LinearScorer scorer = b.scorers().get(t.target());
                int label = scorer.labels().indexOf(t.label());
                double[] decision = new double[scorer.labels().size()];
                scorer.decisionValues(b.featurizer().featurize(a), decision);
                Explanation x = e.explanations().get(t.target());
                assertEquals(decision[label], x.decisionValue(), 0.0);
                assertEquals(scorer.bias(label), x.bias(), 0.0);
            }
        }
    }

    @Test
    void topKIsTheLargestContributionsInOrder() {
        Article a = unseen.get(1);
        ExplainedPrediction all = slant.explain(a, Integer.MAX_VALUE);
        ExplainedPrediction top = slant.explain(a, 3);
        for (String target : slant.targets()) {
            Explanation x = all.explanations().get(target);
            Explanation y = top.explanations().get(target);
            assertEquals(x.ngrams().subList(0, 3), y.ngrams());
            assertEquals(x.sentences().subList(0, Math.min(3, x.sentences().size())), y.sentences());
            for (int i = 1; i < x.ngrams().size(); i++) {
                assertTrue(x.ngrams().get(i - 1).contribution() >= x.ngrams().get(i).contribution());
            }
        }
    }

    @Test
    void ngramsAreNamedByTheirTextAndSentencesByTheSentenceView() {
        Article a = Article.of("x", "Lefta Rightb", "Sha lefta leftb. Righta righta shb! Topic words healtha.");
        ExplainedPrediction e = slant.explain(a, Integer.MAX_VALUE);
        Explanation x = e.explanations().get("stance");
        List<String> names = x.ngrams().stream().flatMap(n -> n.ngrams().stream()).toList();
        assertTrue(names.contains("lefta"), names.toString());
        assertTrue(names.contains("sha lefta"), names.toString());
        assertTrue(names.contains("title: rightb"), "title n-grams are kept apart: " + names);
        assertFalse(names.stream().anyMatch(n -> !n.equals(n.toLowerCase(java.util.Locale.ROOT))));
        NgramContribution righta = x.ngrams().stream().filter(n -> n.ngrams().equals(List.of("righta"))).findFirst().orElseThrow();
        assertEquals(2, righta.occurrences());
        List<String> sentences = x.sentences().stream().map(s -> s.field() + ":" + s.index() + ":" + s.text()).sorted().toList();
        assertEquals(List.of("text:0:Sha lefta leftb.", "text:1:Righta righta shb!", "text:2:Topic words healtha.",
                "title:0:Lefta Rightb"), sentences);
    }

    @Test
    void anAbstainingTargetHasNoExplanationAndBadKIsRefused() {
        Article nothing = Article.of("none", "7", "1 2 3 x");
        ExplainedPrediction e = slant.explain(nothing, 5);
        assertTrue(e.prediction().targets().stream().allMatch(TargetPrediction::abstained));
        assertTrue(e.explanations().isEmpty());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> slant.explain(unseen.get(0), 0));
        assertEquals("k must be at least 1, got 0", bad.getMessage());
        assertThrows(NullPointerException.class, () -> slant.explain(null, 1));
    }

    @Test
    void anyLabelCanBeExplainedAndThePredictedOneAsExplainDoes() {
        for (Article a : unseen.subList(0, 10)) {
            ExplainedPrediction e = slant.explain(a, Integer.MAX_VALUE);
            for (TargetPrediction t : e.prediction().targets()) {
                assertEquals(e.explanations().get(t.target()), slant.explain(a, t.target(), t.label(), Integer.MAX_VALUE),
                        "the predicted label's explanation is explain's");
                for (String label : slant.labels(t.target())) {
                    Explanation x = slant.explain(a, t.target(), label, Integer.MAX_VALUE);
                    assertEquals(label, x.label());
                    double ngramTotal = x.ngrams().stream().mapToDouble(NgramContribution::contribution).sum();
                    double sentenceTotal = x.sentences().stream().mapToDouble(SentenceContribution::contribution).sum();
                    assertEquals(x.decisionValue(), ngramTotal + x.bias(), EPS, a.id() + " " + label);
                    assertEquals(ngramTotal, sentenceTotal, EPS, a.id() + " " + label);
                }
                // The predicted label's decision value is the largest (the probabilities are monotone in it).
                for (String label : slant.labels(t.target())) {
                    assertTrue(slant.explain(a, t.target(), label, 1).decisionValue()
                            <= e.explanations().get(t.target()).decisionValue() + EPS, label);
                }
            }
        }
        assertEquals(5, slant.explain(unseen.get(0), "stance", slant.labels("stance").get(0), 5).ngrams().size());
        assertThrows(IllegalArgumentException.class, () -> slant.explain(unseen.get(0), "nope", "left", 3));
        assertThrows(IllegalArgumentException.class, () -> slant.explain(unseen.get(0), "stance", "nope", 3));
        assertThrows(IllegalArgumentException.class, () -> slant.explain(unseen.get(0), "stance", slant.labels("stance").get(0), 0));
        // An article whose features the model does not know: the bias alone, nothing to list.
        Explanation none = slant.explain(Article.of("none", "7", "1 2 3 x"), "stance", slant.labels("stance").get(0), 5);
        assertTrue(none.ngrams().isEmpty());
        assertEquals(none.bias(), none.decisionValue(), 0.0);
    }

    @Test
    void recordsRefuseInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> new NgramContribution(1, List.of(), 1, 0.1, 0.1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new NgramContribution(1, List.of("a"), 0, 0.1, 0.1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new NgramContribution(1, List.of("a"), 1, Double.NaN, 0.1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new SentenceContribution("body", 0, "x", 1));
        assertThrows(IllegalArgumentException.class, () -> new SentenceContribution("text", -1, "x", 1));
        NgramContribution small = new NgramContribution(1, List.of("a"), 1, 0.1, 0.1, 0.01);
        NgramContribution big = new NgramContribution(2, List.of("b"), 1, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new Explanation("t", "l", 1, 0, List.of(small, big), List.of()));
        Prediction p = slant.classify(unseen.get(0));
        assertThrows(IllegalArgumentException.class, () -> new ExplainedPrediction(p, java.util.Map.of()));
    }
}
