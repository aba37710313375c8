/**
 * Streaming readers of article files (CSV, TSV, JSONL; gzip transparently) with a column mapping, and the
 * rules for bad input: {@link dev.slant.datasets.io.ReadMode#STRICT} stops at the first bad record with a
 * message naming file, record, line and column; {@link dev.slant.datasets.io.ReadMode#LENIENT} skips it,
 * counts it in a {@link dev.slant.datasets.io.ReadReport} and can write it to a rejects file.
 */
package dev.slant.datasets.io;
