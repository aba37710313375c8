package dev.slant.inference.eval;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Target;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.dedup.Deduplicator;
import dev.slant.datasets.dedup.DropPolicy;
import dev.slant.datasets.dedup.DuplicateGroups;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import dev.slant.datasets.split.SplitChoice;
import dev.slant.inference.Abstention;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.score.LinearScorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A bundle evaluated on one part of a split of a labelled corpus, the split made exactly as training made it:
 * copies kept together, stratified by the bundle's main target, the same seed. Each target is evaluated beside the
 * majority baseline of the labels the model learned from (training leaves conflicting copies out, so does the
 * baseline).
 *
 * @param split     the split's name
 * @param part      the part evaluated
 * @param targets   one evaluation per target of the bundle that the corpus labels, in the bundle's order
 * @param unlabeled the bundle's targets that the corpus has no labels for (not evaluated)
 */
public record SplitEvaluation(String split, Part part, List<TargetEvaluation> targets, List<String> unlabeled) {
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if any component is null
     */
    public SplitEvaluation {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(part, "part");
        targets = List.copyOf(targets);
        unlabeled = List.copyOf(unlabeled);
    }

    /**
     * The split a bundle was trained on, as its manifest records it.
     *
     * @param bundle the bundle
     * @return the split's name, or the default published split for a bundle that records none
     */
    public static String trainedSplit(LoadedBundle bundle) {
        return bundle.manifest().metrics().path("split").asText(SplitChoice.DEFAULT_PUBLISHED);
    }

    /**
     * The name of the "split" that tests every article of a labelled file (a user's own test set), beside the
     * majority baseline of the bundle's training labels.
     */
    public static final String WHOLE = "whole";

    /**
     * Evaluates a bundle on one part of a split.
     *
     * @param bundle    the bundle
     * @param corpus    the corpus (its targets and published splits)
     * @param articles  the corpus's articles
     * @param splitName the split, one of {@link SplitChoice}'s names, not the outlet cross-validation
     * @param part      the part to evaluate
     * @param seed      the seed of a split made here (as training used it)
     * @return the evaluation
     * @throws IllegalArgumentException if the split is the outlet cross-validation (that retrains per fold) or is
     *                                  unknown
     * @throws IOException              if the corpus's published splits cannot be read
     */
    public static SplitEvaluation of(LoadedBundle bundle, Corpus corpus, List<LabelledArticle> articles,
                                     String splitName, Part part, long seed) throws IOException {
        return of(bundle, corpus, articles, splitName, List.of(part), seed).get(0);
    }

    /**
     * Evaluates a bundle on several parts of one split, made once (a split by time: its in-period valid part beside
     * its later test part).
     *
     * @param bundle    the bundle
     * @param corpus    the corpus (its targets and published splits)
     * @param articles  the corpus's articles
     * @param splitName the split, one of {@link SplitChoice}'s names, not the outlet cross-validation; or
     *                  {@link #WHOLE}: every article is tested, beside the majority baseline stored in the bundle
     * @param parts     the parts to evaluate, in order
     * @param seed      the seed of a split made here (as training used it)
     * @return one evaluation per part, in order
     * @throws IllegalArgumentException if the split is the outlet cross-validation (that retrains per fold) or is
     *                                  unknown, or a part holds no article
     * @throws IOException              if the corpus's published splits cannot be read
     */
    public static List<SplitEvaluation> of(LoadedBundle bundle, Corpus corpus, List<LabelledArticle> articles,
                                           String splitName, List<Part> parts, long seed) throws IOException {
        if (SplitChoice.OUTLET_CV.equals(splitName)) {
            throw new IllegalArgumentException(SplitChoice.OUTLET_CV + " retrains per fold: run 'slant train --split "
                    + SplitChoice.OUTLET_CV + "'; an evaluation takes one split, and the bundle carries its outlet "
                    + "cross-validation");
        }
        String main = bundle.manifest().targetNames().get(0);
        DuplicateGroups groups = Deduplicator.onNormalizedText().find(articles);
        Split split = WHOLE.equals(splitName) ? whole(articles)
                : SplitChoice.make(splitName, articles, corpus.publishedSplits(), groups::groupKey, main, seed,
                        SplitChoice.DEFAULT_FOLDS).get(0);
        Set<String> leftOut = DropPolicy.dropConflictingOn(main).apply(groups).all();
        List<SplitEvaluation> out = new ArrayList<>();
        for (Part part : parts) {
            List<TargetEvaluation> results = new ArrayList<>();
            List<String> unlabeled = new ArrayList<>();
            for (Map.Entry<String, LinearScorer> e : bundle.scorers().entrySet()) {
                Optional<Target> target = corpus.targets().stream().filter(t -> t.name().equals(e.getKey())).findFirst();
                if (target.isEmpty()) {
                    unlabeled.add(e.getKey());
                } else {
                    results.add(evaluate(bundle, e.getValue(), target.get(), articles, split, part, leftOut));
                }
            }
            out.add(new SplitEvaluation(split.name(), part, results, unlabeled));
        }
        return out;
    }

    /**
     * The articles of one part of a split, made as {@link #of} makes it.
     *
     * @param bundle    the bundle (its main target stratifies a stratified split)
     * @param corpus    the corpus
     * @param articles  the corpus's articles
     * @param splitName the split, or {@link #WHOLE}
     * @param part      the part
     * @param seed      the seed of a split made here
     * @return the part's articles, in corpus order
     * @throws IOException if the corpus's published splits cannot be read
     */
    public static List<LabelledArticle> articles(LoadedBundle bundle, Corpus corpus, List<LabelledArticle> articles,
                                                 String splitName, Part part, long seed) throws IOException {
        Split split = WHOLE.equals(splitName) ? whole(articles)
                : SplitChoice.make(splitName, articles, corpus.publishedSplits(),
                        Deduplicator.onNormalizedText().find(articles)::groupKey,
                        bundle.manifest().targetNames().get(0), seed, SplitChoice.DEFAULT_FOLDS).get(0);
        return articles.stream().filter(a -> split.partOf(a.id()).orElse(null) == part).toList();
    }

    /** Every article in the test part. */
    private static Split whole(List<LabelledArticle> articles) {
        Map<String, Part> parts = new java.util.LinkedHashMap<>();
        articles.forEach(a -> parts.put(a.id(), Part.TEST));
        return new Split(WHOLE, parts);
    }

    private static TargetEvaluation evaluate(LoadedBundle bundle, LinearScorer scorer, Target target,
                                             List<LabelledArticle> articles, Split split, Part part,
                                             Set<String> leftOutOfTraining) {
        List<String> trainLabels = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        double[] buf = new double[scorer.labels().size()];
        Abstention abstention = Abstention.of(bundle.featurizer());
        for (LabelledArticle a : articles) {
            Part in = split.partOf(a.id()).orElse(null);
            Optional<String> gold = a.labels().get(target.name());
            if (in == null || gold.isEmpty()) {
                continue;
            }
            if (in == Part.TRAIN && !leftOutOfTraining.contains(a.id())) {
                trainLabels.add(gold.get());
            }
            if (in == part) {
                Featurizer.Featurized v = bundle.featurizer().featurizeCounted(a.article());
                String reason = abstention.articleReason(v.knownShare(), Abstention.markupShare(a.article()));
                outcomes.add(ScoredOutcome.of(scorer, v.vector(), reason, a.id(), gold.get(), buf));
            }
        }
        // The same labels as training's evaluation: declared, else those of the training part, the model and the
        // evaluated articles.
        Set<String> known = new HashSet<>(trainLabels);
        known.addAll(scorer.labels());
        List<String> labels = EvaluationLabels.of(target.labels(), known, outcomes.stream().map(Outcome::gold).toList());
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("target '" + target.name() + "': no labelled article in the "
                    + part.label() + " part of split '" + split.name() + "'");
        }
        MajorityBaseline baseline = trainLabels.isEmpty()
                ? TrainingMajority.of(bundle.manifest().metrics(), target.name(), labels, outcomes)
                : MajorityBaseline.fromTrainingLabels(labels, trainLabels);
        return TargetEvaluation.of(target.name(), labels,
                EvaluationLabels.ordinal(target.labels(), target.ordinal(), labels), baseline, outcomes);
    }
}
