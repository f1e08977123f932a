package dev.burstgitops.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;

/**
 * One loop as {@code /healthz} shows it.
 *
 * @param stalled      silent for longer than its limit
 * @param lastProgress when it last finished a pass (or registered): "stalled since" for a person
 * @param silentFor    how long ago that was
 * @param failing      why the loop, though turning, has failed past its bound; left out while it has not
 */
public record LoopStatus(String name, boolean stalled, Instant lastProgress, Duration limit, Duration silentFor,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String failing) {

    /** Neither stalled nor failing. */
    @JsonIgnore
    public boolean healthy() {
        return !stalled && failing == null;
    }
}
