package example;

import dev.slant.datasets.Article;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.explain.ExplainedPrediction;
import dev.slant.inference.explain.Explanation;
import dev.slant.inference.explain.NgramContribution;
import dev.slant.inference.explain.SentenceContribution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Slant as a library: load a bundle, classify one article, classify many, explain a prediction. */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    public static void main(String[] args) throws BundleException {
        run(Path.of(args.length > 0 ? args[0] : "models/article-bias-media.slant")).forEach(System.out::println);
    }

    public static List<String> run(Path bundle) throws BundleException {
        List<String> out = new ArrayList<>();
        // Load once: the classifier is immutable and thread-safe.
        SlantClassifier slant = SlantClassifier.load(bundle);

        // One article: every target's label, its probability, and every label's probability.
        Article article = Article.of("a1", "Senate passes the tax bill",
                "The Senate passed the tax bill on Tuesday. Democrats said it favours the rich.");
        Prediction p = slant.classify(article);
        for (TargetPrediction t : p.targets()) {
            out.add(t.target() + ": " + t.labelIfAny().orElse("(abstains: no known feature)")
                    + (t.abstained() ? "" : " p=" + t.probability() + " " + t.probabilities()));
        }

        // Many articles on 2 threads, in input order.
        List<Article> batch = List.of(article, Article.of("a2", "", "Immigration reform stalls in the House."));
        for (Prediction each : slant.classifyAll(batch, 2)) {
            out.add(each.articleId() + " stance=" + each.target("stance").labelIfAny().orElse("-"));
        }

        // Why: the 3 n-grams and sentences that pushed each label most (weight x feature value).
        ExplainedPrediction why = slant.explain(article, 3);
        for (Explanation e : why.explanations().values()) {
            out.add(e.target() + "=" + e.label() + " decision value " + e.decisionValue());
            for (NgramContribution n : e.ngrams()) {
                out.add("  n-gram " + n.name() + " " + n.contribution());
            }
            for (SentenceContribution s : e.sentences()) {
                out.add("  sentence \"" + s.text() + "\" " + s.contribution());
            }
        }
        return out;
    }
}
