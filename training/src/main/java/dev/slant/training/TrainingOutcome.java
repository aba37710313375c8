package dev.slant.training;

import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.dedup.DropPolicy;
import dev.slant.datasets.dedup.DuplicateGroups;
import dev.slant.inference.eval.CrossValidation;
import dev.slant.inference.eval.FoldDraw;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TrainingJob} produced.
 *
 * @param corpus     the data
 * @param request    what was asked
 * @param result     the run whose models go into the bundle
 * @param outletCv   outlet-disjoint cross-validation of the main target, or null when not run
 * @param laterDraws the cross-validation's mean over each further draw of the folds (seeds after the request's),
 *                   empty when there is none ({@link #foldDraws()} adds the draw of {@code outletCv})
 * @param duplicates the duplicates found
 * @param drops      the ids kept out of training parts, by reason
 * @param seconds    the job's duration
 * @param namedOutlets distinct outlets the corpus names; 0 when it names none, so that the "outlet-disjoint"
 *                     folds hold out single articles
 * @param trust      invariance and the drift reference ({@link TrustChecks}), or null when not measured
 */
public record TrainingOutcome(LoadedCorpus corpus, TrainingRequest request, RunResult result, CrossValidation outletCv,
                              List<FoldDraw> laterDraws, DuplicateGroups duplicates, DropPolicy.Drops drops,
                              double seconds, int namedOutlets, TrustChecks trust) {
    /**
     * Validates.
     *
     * @throws NullPointerException     if a required part is null
     * @throws IllegalArgumentException if there are further fold draws without a cross-validation
     */
    public TrainingOutcome {
        laterDraws = List.copyOf(laterDraws);
        if (outletCv == null && !laterDraws.isEmpty()) {
            throw new IllegalArgumentException(laterDraws.size() + " further fold draws without a cross-validation");
        }
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(drops, "drops");
        if (namedOutlets < 0) {
            throw new IllegalArgumentException("namedOutlets is negative: " + namedOutlets);
        }
    }

    /**
     * An outcome without the trust checks.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TrainingOutcome(LoadedCorpus corpus, TrainingRequest request, RunResult result, CrossValidation outletCv,
                           List<FoldDraw> laterDraws, DuplicateGroups duplicates, DropPolicy.Drops drops,
                           double seconds, int namedOutlets) {
        this(corpus, request, result, outletCv, laterDraws, duplicates, drops, seconds, namedOutlets, null);
    }

    /**
     * @return every draw of the folds cross-validated, the one of {@code outletCv} (the request's seed) first; empty
     *         when the cross-validation was not run
     */
    public List<FoldDraw> foldDraws() {
        if (outletCv == null) {
            return List.of();
        }
        List<FoldDraw> all = new java.util.ArrayList<>(1 + laterDraws.size());
        all.add(FoldDraw.of(request.seed(), outletCv));
        all.addAll(laterDraws);
        return List.copyOf(all);
    }

    /**
     * @return what the cross-validation's folds hold out, for headings: "outlet-disjoint" when the corpus names
     *         outlets, else a plain article-level cross-validation (nothing outlet-specific is controlled)
     */
    public String cvKind() {
        return cvKind(namedOutlets);
    }

    /**
     * @param namedOutlets distinct outlets the corpus names
     * @return "outlet-disjoint", or "article-level (the corpus names no outlet)" when there are none
     */
    public static String cvKind(int namedOutlets) {
        return namedOutlets > 0 ? "outlet-disjoint" : "article-level (the corpus names no outlet)";
    }
}
