package dev.slant.inference.eval;

import java.util.List;

/** The evaluation of one target: a single evaluation or a cross-validation. Reports render either. */
public sealed interface TargetResult permits TargetEvaluation, CrossValidation {

    /** @return the target's name, for example "stance" */
    String target();

    /** @return the target's labels in their declared order */
    List<String> labels();

    /** @return whether the label order is meaningful (MAE is computed only then) */
    boolean ordinal();

    /** @return the evaluation that stands for the whole: the evaluation itself, or the pooled folds */
    TargetEvaluation overall();
}
