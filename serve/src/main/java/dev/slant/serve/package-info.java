/**
 * Slant over HTTP: a Jetty 12 core server ({@link dev.slant.serve.SlantServer}) answering
 * {@code POST /v1/classify}, {@code POST /v1/classify/batch}, {@code POST /v1/explain}, {@code GET /v1/model},
 * {@code GET /healthz} and {@code GET /metrics}, and the page for people at {@code /} with its archives under
 * {@code /v1/archives}; with bounded bodies (read without holding a thread), batches, connections and worker
 * threads, JSON errors and Prometheus metrics. The {@code slant serve} command that starts it is in the command
 * line module.
 */
package dev.slant.serve;
