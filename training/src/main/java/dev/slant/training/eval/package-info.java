/**
 * The evaluation of one classification target in training and {@code slant evaluate}, and its reports.
 *
 * <p>{@link dev.slant.training.eval.TargetEvaluation#of TargetEvaluation.of} turns one
 * {@link dev.slant.inference.eval.Outcome} per evaluated article into {@link dev.slant.inference.eval.Figures}
 * for the model and for the majority-class baseline beside it; {@link dev.slant.training.eval.CrossValidation}
 * gathers one evaluation per fold. {@link dev.slant.training.eval.ReportWriter} writes them as Markdown, JSON
 * and SVG pictures; {@link dev.slant.training.eval.PlainTextReport} renders them for a terminal.
 *
 * <p>The figures and their conventions (abstentions, undefined ratios, macro- and weighted-F1, MAE, ECE, the
 * majority baseline) are defined in {@link dev.slant.inference.eval}, which the Spark job shares. Added here:
 * <b>cross-validation</b> reports each fold (with its own baseline), the mean and the sample standard deviation
 * (n - 1) over folds, and the figures of all folds' articles pooled.
 */
package dev.slant.training.eval;
