package dev.burstgitops.status;

import java.time.Instant;

/**
 * A fetched head the sync loop will not apply, because no allowed key signed it
 * ({@code git.verify}); {@code message} says which head and why, {@code since} when it was first refused.
 */
public record RefusedHead(String revision, String message, Instant since) {
}
