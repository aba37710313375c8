/**
 * Slant over HTTP: a Jetty 12 core server ({@link dev.slant.serve.SlantServer}) answering
 * {@code POST /v1/classify}, {@code POST /v1/classify/batch}, {@code GET /v1/model}, {@code GET /healthz} and
 * {@code GET /metrics}, with bounded bodies, batches, connections and worker threads, JSON errors and Prometheus
 * metrics. The {@code slant serve} command that starts it is in the command line module.
 */
package dev.slant.serve;
