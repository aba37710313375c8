/**
 * The reports of an evaluation, written once for training, {@code slant evaluate} and the web page:
 * {@link dev.slant.inference.report.ReportWriter} writes Markdown, JSON and SVG pictures (confusion matrix,
 * reliability diagram) of {@link dev.slant.inference.eval.TargetResult}s, and
 * {@link dev.slant.inference.report.PlainTextReport} renders them for a terminal. The figures themselves and their
 * conventions are defined in {@link dev.slant.inference.eval}.
 */
package dev.slant.inference.report;
