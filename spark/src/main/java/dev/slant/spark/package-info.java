/**
 * Slant on Apache Spark: {@link dev.slant.spark.SlantSpark} adds prediction columns to a {@code Dataset<Row>}
 * and evaluates labelled ones, loading a bundle once per executor JVM from a broadcast copy of its bytes;
 * {@link dev.slant.spark.SlantSparkJob} is the job for {@code spark-submit} ({@code score} and {@code evaluate}).
 * Rows are read by the datasets readers' rules (a row without id or with a blank text is skipped and counted by
 * reason, or names itself under {@code --strict}); {@code evaluate} prints the table of {@code slant evaluate}:
 * each partition counts its rows in {@link dev.slant.inference.eval.TargetTally}s, which merge on the driver, and
 * {@link dev.slant.inference.eval} computes and lays out the figures with the code {@code slant evaluate} uses. A
 * gold label the model never saw is counted as that code counts it, as an error of the model with a row of its
 * own, not skipped.
 */
package dev.slant.spark;
