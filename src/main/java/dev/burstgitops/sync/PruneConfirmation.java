package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Whether a pass may delete only what a person confirmed ({@code sync.prune: confirm}), and how
 * many deletions the head commit confirms with its {@value #TRAILER} trailer. Like Argo CD's
 * prune confirmation: a commit that would delete things is applied, but the deletions wait for a
 * commit that states how many there are, so that a mistaken change deletes nothing.
 *
 * @param confirmed the head commit's count; empty when it has no such trailer
 */
public record PruneConfirmation(boolean required, OptionalInt confirmed) {

    /** The git trailer that confirms a prune, as the commit message carries it (read by {@code record.PruneTrailers}). */
    public static final String TRAILER = "Prune-Confirmed";

    /** Prune deletes without asking. */
    public static final PruneConfirmation NOT_REQUIRED = new PruneConfirmation(false, OptionalInt.empty());

    private static final int SHOWN = 10;

    public static PruneConfirmation required(OptionalInt confirmed) {
        return new PruneConfirmation(true, confirmed);
    }

    /** Whether deleting {@code deletions} objects may go ahead. */
    boolean allows(int deletions) {
        return !required || deletions == 0 || confirmed.equals(OptionalInt.of(deletions));
    }

    /** Why each of the objects waits: {@code prune awaiting confirmation (Prune-Confirmed: 3)}. */
    String reason(int deletions) {
        return "prune awaiting confirmation (" + TRAILER + ": " + deletions + ")";
    }

    /** The pass's warning: what would be deleted, and what the head commit must say to delete it. */
    String awaiting(List<ObjectKey> deletions) {
        String listed = deletions.stream().limit(SHOWN).map(ObjectKey::toString).collect(Collectors.joining(", "))
                + (deletions.size() > SHOWN ? ", ..." : "");
        String expected = TRAILER + ": " + deletions.size();
        return "prune awaiting confirmation: " + deletions.size() + " objects: " + listed + "; " + (confirmed.isEmpty()
                ? "nothing is deleted until the head commit carries the trailer '" + expected + "'"
                : "the head commit's '" + TRAILER + ": " + confirmed.getAsInt() + "' does not match, nothing is deleted;"
                        + " expected '" + expected + "'");
    }
}
