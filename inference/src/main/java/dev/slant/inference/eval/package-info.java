/**
 * The figures of one classification target, defined once for every evaluation: {@code slant evaluate} and
 * training (module {@code training}) and the Spark job (module {@code spark}) compute them with this code.
 *
 * <p>A {@link dev.slant.inference.eval.TargetTally} counts the evaluated articles, one
 * {@link dev.slant.inference.eval.Outcome} at a time in training, one row at a time in a Spark partition, and
 * tallies of parts merge into the tally of the whole. {@link dev.slant.inference.eval.Figures} are computed from a
 * tally and from nothing else: accuracy, macro- and weighted-F1, {@link dev.slant.inference.eval.ClassFigures} per
 * label, the {@link dev.slant.inference.eval.ConfusionMatrix}, MAE and the
 * {@link dev.slant.inference.eval.Calibration}. The {@link dev.slant.inference.eval.MajorityBaseline} answers the
 * same articles in a tally of its own, beside the model. {@link dev.slant.inference.eval.EvaluationSection} lays
 * the figures out as every report shows them, and {@link dev.slant.inference.eval.PlainText} renders such
 * sections for a terminal.
 *
 * <p>{@link dev.slant.inference.eval.TargetEvaluation#of TargetEvaluation.of} turns one outcome per evaluated
 * article into figures for the model and for the majority baseline beside it;
 * {@link dev.slant.inference.eval.CrossValidation} gathers one evaluation per fold and reports each fold (with its
 * own baseline), the mean and the sample standard deviation (n - 1) over folds, and the figures of all folds'
 * articles pooled. {@link dev.slant.inference.eval.SplitEvaluation} evaluates a bundle on one part of a split,
 * made exactly as training made it.
 *
 * <p>The conventions, in one place:
 * <ul>
 *   <li><b>The labels</b> evaluated over are chosen by {@link dev.slant.inference.eval.EvaluationLabels}: the
 *       target's declared labels in their order, else the labels the model knows and the evaluated articles'
 *       gold labels, sorted. A gold label the model never saw is thus one of the labels: its articles are errors
 *       of the model (support, recall 0, counted against accuracy and macro-F1, a row of the confusion matrix),
 *       not skipped.</li>
 *   <li><b>Abstentions</b> (an article the model gave no label) stay in every denominator: they count as wrong
 *       for accuracy, as a missed article (false negative) of their gold class for recall and F1, and as the
 *       largest label distance for MAE. They change no class's precision. The confusion matrix shows them in
 *       their own column, so each row still sums to the class's support. ECE cannot measure them (there is no
 *       confidence in a label never given): it is computed on the answered articles that carry probabilities,
 *       and the number it leaves out is reported beside it.</li>
 *   <li><b>Undefined ratios</b> follow scikit-learn's {@code zero_division=0}: precision of a class never
 *       predicted, recall of a class with no support, and F1 where {@code 2TP + FP + FN = 0} are 0. Macro-F1
 *       averages over every declared label, as scikit-learn does when given {@code labels=}, so a class with
 *       no support and no predictions counts as F1 = 0 (the report notes such classes).</li>
 *   <li><b>Weighted-F1</b> weights each class's F1 by its support (its number of gold articles).</li>
 *   <li><b>MAE</b>, for targets declared ordinal only, is the mean absolute distance between the gold and the
 *       predicted label's positions in the declared label order.</li>
 *   <li><b>ECE</b> (expected calibration error) sorts the answered articles with probabilities into
 *       {@value dev.slant.inference.eval.Calibration#BINS} equal-width bins of top-label confidence (the
 *       probability given to the predicted label), bin {@code m} holding confidences in
 *       {@code ((m-1)/15, m/15]} (and confidence 0 in the first), and sums, over the bins, the bin's share of
 *       those articles times |bin accuracy - bin mean confidence| (Guo et al., 2017).</li>
 *   <li><b>The majority baseline</b> always predicts the most frequent label of the training articles, on the
 *       same evaluated articles as the model. Built from the training labels, it also carries their label
 *       shares as its probabilities, so its ECE is that of the class prior.</li>
 * </ul>
 */
package dev.slant.inference.eval;
