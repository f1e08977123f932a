/**
 * Prometheus as a source of samples: instant and range queries over its HTTP API, with auth and
 * timeouts, and {@code Sample}s that say value, time, series count and staleness. May use
 * {@code config} and OkHttp.
 */
package dev.burstgitops.metrics;
