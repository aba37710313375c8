/**
 * Scored archives as charts, shared by the page's Archive view and {@code slant report}: a reader of scored files
 * ({@link dev.slant.serve.archive.ScoredFile}), a tally in bounded memory
 * ({@link dev.slant.serve.archive.ArchiveTally}), 100% stacked bar charts as SVG that read without colour
 * ({@link dev.slant.serve.archive.ShareChartSvg}), and the static HTML report
 * ({@link dev.slant.serve.archive.StaticReport}).
 */
package dev.slant.serve.archive;
