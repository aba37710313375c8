/**
 * Streaming readers of article files (CSV, TSV, JSONL; gzip transparently) with a column mapping, and the
 * rules for bad input: {@link dev.slant.datasets.io.ReadMode#STRICT} stops at the first bad record with a
 * message naming file, record, line and column; {@link dev.slant.datasets.io.ReadMode#LENIENT} skips it,
 * counts it in a {@link dev.slant.datasets.io.ReadReport} and can write it to a rejects file.
 *
 * <p>Reading: {@link dev.slant.datasets.io.ArticleReaders} opens a file by name or
 * {@link dev.slant.datasets.io.ArticleFormat} with a {@link dev.slant.datasets.io.ColumnMapping};
 * {@link dev.slant.datasets.io.TextInput} opens the bytes (decompression, byte order mark, what is not UTF-8 text);
 * {@link dev.slant.datasets.io.ArticleSource} cuts them into chunks at record ends, parses chunks on any thread and
 * merges them in input order, so that every reader ({@link dev.slant.datasets.io.ChunkedArticleReader}) and batch
 * scoring read on several threads with the records, lines and rejects of a sequential read
 * (see docs/batch-scoring.md). {@link dev.slant.datasets.io.DataFormat} is the one rule that picks a format from a
 * name.
 * Writing: every output file of the project goes through {@link dev.slant.datasets.io.AtomicOutput} (whole or
 * not at all for regular files, written through for FIFOs and devices, failures named by
 * {@link dev.slant.datasets.io.CannotWriteException}); {@link dev.slant.datasets.io.DistinctFiles} checks that a
 * command's files are distinct; {@link dev.slant.datasets.io.ArticleWriters} writes articles as CSV or JSONL by an
 * {@link dev.slant.datasets.io.ArticleLayout}, and {@link dev.slant.datasets.io.CsvRejectSink} writes rejects;
 * every CSV goes through {@link dev.slant.datasets.io.SafeCsvPrinter} (formula cells neutralised).
 */
package dev.slant.datasets.io;
