package dev.burstgitops.gitops.forge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A forge call that did not do what was asked. The message names the provider, the method and
 * the path (never a token: tokens travel in headers, and the forge's own message is redacted
 * before it gets here), the HTTP status, what the status means for an operator, and the
 * forge's explanation.
 */
public class ForgeException extends Exception {

    /** What went wrong, in the terms the caller reacts to. */
    public enum Kind {
        AUTHENTICATION("authentication failed / token lacks permission", false),
        NOT_FOUND("repository not found or token cannot see it", false),
        /** Opening raced with an earlier opening: find the pull request again and update it. */
        ALREADY_EXISTS("a pull request from this branch is already open", false),
        REJECTED("the forge rejected the request", false),
        RATE_LIMITED("rate limited", true),
        SERVER_ERROR("the forge failed", true),
        UNREACHABLE("no answer from the forge", true),
        MALFORMED("the forge's answer is not what its API documents", false);

        private final String meaning;
        private final boolean retriable;

        Kind(String meaning, boolean retriable) {
            this.meaning = meaning;
            this.retriable = retriable;
        }

        public String meaning() {
            return meaning;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    private final ForgeCall call;
    private final int status;
    private final Kind kind;
    private final String forgeMessage;
    private final Duration retryAfter;

    /**
     * @param status       HTTP status, 0 when no response arrived
     * @param forgeMessage the forge's explanation, already redacted; may be null
     * @param retryAfter   how long the forge asked us to wait; may be null
     */
    public ForgeException(ForgeCall call, int status, Kind kind, String forgeMessage, Duration retryAfter,
                          Throwable cause) {
        super(describe(call, status, kind, forgeMessage, retryAfter), cause);
        this.call = Objects.requireNonNull(call, "call");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.forgeMessage = forgeMessage;
        this.retryAfter = retryAfter;
    }

    public String provider() {
        return call.provider();
    }

    public String method() {
        return call.method();
    }

    /** Path and query as sent, e.g. {@code /repos/acme/fleet/pulls?state=open}. */
    public String path() {
        return call.path();
    }

    /** The HTTP status, or 0 when the forge did not answer. */
    public int status() {
        return status;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> forgeMessage() {
        return Optional.ofNullable(forgeMessage);
    }

    /** The wait the forge asked for ({@code Retry-After} or the rate-limit reset), if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the same call may succeed later without anyone changing anything. */
    public boolean retriable() {
        return kind.retriable();
    }

    private static String describe(ForgeCall call, int status, Kind kind, String forgeMessage, Duration retryAfter) {
        StringBuilder text = new StringBuilder(call.toString()).append(" failed: ");
        text.append(status == 0 ? "no HTTP response" : "HTTP " + status).append(", ").append(kind.meaning());
        if (forgeMessage != null && !forgeMessage.isBlank()) {
            text.append(": ").append(forgeMessage);
        }
        if (retryAfter != null) {
            text.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
        }
        return text.toString();
    }
}
