/**
 * The one JSON form of a prediction, shared by {@code slant score}'s JSONL output and {@code slant serve}.
 */
package dev.slant.inference.json;
