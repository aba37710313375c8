package dev.slant.training;

import dev.slant.datasets.corpus.LoadedCorpus;
import dev.slant.datasets.dedup.DropPolicy;
import dev.slant.datasets.dedup.DuplicateGroups;
import dev.slant.training.eval.CrossValidation;
import java.util.Objects;

/**
 * What a {@link TrainingJob} produced.
 *
 * @param corpus     the data
 * @param request    what was asked
 * @param result     the run whose models go into the bundle
 * @param outletCv   outlet-disjoint cross-validation of the main target, or null when not run
 * @param duplicates the duplicates found
 * @param drops      the ids kept out of training parts, by reason
 * @param seconds    the job's duration
 */
public record TrainingOutcome(LoadedCorpus corpus, TrainingRequest request, RunResult result, CrossValidation outletCv,
                              DuplicateGroups duplicates, DropPolicy.Drops drops, double seconds) {
    /** Validates. @throws NullPointerException if a required part is null */
    public TrainingOutcome {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(drops, "drops");
    }
}
