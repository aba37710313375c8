package dev.slant.training;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.inference.Abstention;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.drift.DriftReference;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.invariance.InvarianceReport;
import dev.slant.inference.invariance.InvarianceTest;
import dev.slant.inference.invariance.Perturbations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * What training measures besides accuracy, for the bundle's metrics and model card: the invariance of every target
 * under perturbations that must not change a label, on the split's test part (else its valid part), and the
 * reference that scoring compares batches with for drift, on a seeded sample of the training part.
 *
 * @param invariance the invariance report, or null when the split has no held-out part
 * @param perturbed  which part was perturbed ("test"), or null
 * @param drift      the drift reference
 */
public record TrustChecks(InvarianceReport invariance, String perturbed, DriftReference drift) {
    /** The most training articles the drift reference is measured on. */
    public static final int DRIFT_SAMPLE = 5000;

    /**
     * @param result   the run whose models go into the bundle
     * @param split    its split
     * @param articles the corpus
     * @param seed     the seed of the perturbations and the sample
     * @return the checks
     */
    public static TrustChecks of(RunResult result, Split split, List<LabelledArticle> articles, long seed) {
        Featurizer featurizer = result.featurizer();
        Abstention abstention = Abstention.of(featurizer);
        Function<Article, Prediction> classify = a -> {
            Featurizer.Featurized f = featurizer.featurizeCounted(a);
            String reason = abstention.articleReason(f.knownShare(), Abstention.markupShare(a));
            List<TargetPrediction> out = new ArrayList<>();
            result.targets().forEach((name, fit) -> out.add(SlantClassifier.predict(name, fit.scorer(), f.vector(),
                    f.knownShare(), reason)));
            return new Prediction(a.id(), out);
        };
        InvarianceReport invariance = null;
        String perturbed = null;
        for (Part part : List.of(Part.TEST, Part.VALID)) {
            List<Article> held = inPart(articles, split, part);
            if (!held.isEmpty()) {
                invariance = InvarianceTest.run(classify, held,
                        Perturbations.forModel(featurizer, articles.stream().map(LabelledArticle::article).toList()), seed);
                perturbed = part.label();
                break;
            }
        }
        List<Article> train = inPart(articles, split, Part.TRAIN);
        List<Article> sample = new ArrayList<>(train);
        if (sample.size() > DRIFT_SAMPLE) {
            Collections.shuffle(sample, new Random(seed));
            sample = sample.subList(0, DRIFT_SAMPLE);
        }
        List<Prediction> predictions = sample.parallelStream().map(classify).toList();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        result.targets().forEach((name, fit) -> labels.put(name, fit.scorer().labels()));
        DriftReference drift = DriftReference.of(String.format(Locale.ROOT, "%s train part, %,d of %,d articles",
                split.name(), sample.size(), train.size()), predictions, labels);
        return new TrustChecks(invariance, perturbed, drift);
    }

    private static List<Article> inPart(List<LabelledArticle> articles, Split split, Part part) {
        List<Article> out = new ArrayList<>();
        for (LabelledArticle a : articles) {
            if (split.partOf(a.id()).orElse(null) == part) {
                out.add(a.article());
            }
        }
        return out;
    }
}
