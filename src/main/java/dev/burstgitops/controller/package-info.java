/**
 * The two loops and their wiring: the burst loop (observe, decide, publish) and the sync loop
 * (fetch, render, apply per cluster), their triggers, backoff and leader gate. Each pass reads top
 * to bottom as calls into the capability packages; may use all of them, never {@code cli} or
 * {@code server}.
 */
package dev.burstgitops.controller;
