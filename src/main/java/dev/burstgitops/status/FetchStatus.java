package dev.burstgitops.status;

import java.time.Instant;
import java.util.Optional;

/**
 * What the sync loop's fetches have come to, for {@code /status} ({@code "git"}), the logs and
 * {@code /healthz}: the head and time of the last fetch that worked, and the failures in a row
 * since. Immutable; each attempt makes the next one.
 *
 * @param head                the revision the last successful fetch found
 * @param lastFetch           when a fetch last worked
 * @param consecutiveFailures fetches that failed in a row since; 0 while fetching works
 * @param failingSince        when the first of those failed
 * @param lastError           why the latest fetch failed; empty once one works again
 * @param refusedHead         a fetched head not applied because no allowed key signed it
 *                            ({@code git.verify}); {@code head} stays the one last applied
 */
public record FetchStatus(Optional<String> head, Optional<Instant> lastFetch, int consecutiveFailures,
                          Optional<Instant> failingSince, Optional<String> lastError,
                          Optional<RefusedHead> refusedHead) {

    public static FetchStatus none() {
        return new FetchStatus(Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public FetchStatus succeeded(String fetched, Instant at) {
        return new FetchStatus(Optional.of(fetched), Optional.of(at), 0, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public FetchStatus failed(String error, Instant at) {
        return new FetchStatus(head, lastFetch, consecutiveFailures + 1, failingSince.or(() -> Optional.of(at)),
                Optional.of(error), refusedHead);
    }

    /** The fetch worked, but its head is refused; the failures in a row end here. */
    public FetchStatus refused(RefusedHead refused, Instant at) {
        return new FetchStatus(head, Optional.of(at), 0, Optional.empty(), Optional.empty(), Optional.of(refused));
    }
}
