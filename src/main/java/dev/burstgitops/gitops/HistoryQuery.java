package dev.burstgitops.gitops;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which commits {@link CommitHistory} returns: those carrying a trailer key (with a given value,
 * or any), newest first, at most {@code limit} of them, none committed before {@code since}.
 */
public record HistoryQuery(String trailerKey, Optional<String> trailerValue, Optional<Instant> since, int limit) {

    /** Enough for any timeline a person reads; a caller wanting the latest asks for one. */
    public static final int DEFAULT_LIMIT = 1000;

    public HistoryQuery {
        Objects.requireNonNull(trailerKey, "trailerKey");
        Objects.requireNonNull(trailerValue, "trailerValue");
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
        }
    }

    /** Commits with the trailer {@code key: value}, e.g. {@code Burst-Policy: worker}. */
    public static HistoryQuery trailer(String key, String value) {
        return new HistoryQuery(key, Optional.of(value), Optional.empty(), DEFAULT_LIMIT);
    }

    /** Commits with the trailer key, whatever its value. */
    public static HistoryQuery anyValueOf(String key) {
        return new HistoryQuery(key, Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public HistoryQuery since(Instant earliest) {
        return new HistoryQuery(trailerKey, trailerValue, Optional.of(earliest), limit);
    }

    public HistoryQuery limit(int maxCommits) {
        return new HistoryQuery(trailerKey, trailerValue, since, maxCommits);
    }

    boolean matches(Trailers trailers) {
        return trailerValue.map(value -> trailers.contains(trailerKey, value))
                .orElseGet(() -> !trailers.values(trailerKey).isEmpty());
    }

    boolean isBeforeSince(Instant commitTime) {
        return since.map(commitTime::isBefore).orElse(false);
    }
}
