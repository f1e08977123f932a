package dev.burstgitops.record;

import dev.burstgitops.gitops.Trailers;
import java.util.OptionalInt;

/**
 * The trailer a person adds to a commit to let {@code sync.prune: confirm} delete what the commit
 * removed from Git: {@code Prune-Confirmed: <n>}, where n is the number of objects the sync pass
 * said await confirmation. A count, not a yes: a change that would delete more than its author
 * saw deletes nothing.
 */
public final class PruneTrailers {

    public static final String CONFIRMED = "Prune-Confirmed";

    private PruneTrailers() {
    }

    /** The count the commit confirms; empty without the trailer, or when its value is not a count. */
    public static OptionalInt confirmed(Trailers trailers) {
        try {
            return trailers.first(CONFIRMED).map(value -> OptionalInt.of(Integer.parseInt(value.strip())))
                    .filter(count -> count.getAsInt() >= 0).orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
