/**
 * Batch scoring: a streaming pipeline (one reader thread, N scoring workers, one writer that keeps input order,
 * bounded queues between them) from any article file to a CSV or JSONL file of predictions written whole or not
 * at all.
 */
package dev.slant.inference.batch;
