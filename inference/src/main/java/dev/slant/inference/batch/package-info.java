/**
 * Batch scoring: a streaming pipeline (a thread that cuts the input into chunks of whole records, N workers that
 * parse and score chunks, the caller merging and writing them in input order, bounded in count and bytes) from any
 * article file to a CSV or JSONL file of predictions written whole or not at all, or to a stream.
 */
package dev.slant.inference.batch;
