package dev.burstgitops.server;

import java.time.Duration;
import java.time.Instant;

/**
 * One loop as {@code /healthz} shows it.
 *
 * @param stalled      silent for longer than its limit
 * @param lastProgress when it last finished a pass (or registered): "stalled since" for a person
 * @param silentFor    how long ago that was
 */
public record LoopStatus(String name, boolean stalled, Instant lastProgress, Duration limit, Duration silentFor) {
}
