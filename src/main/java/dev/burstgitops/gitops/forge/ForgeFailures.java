package dev.burstgitops.gitops.forge;

import dev.burstgitops.gitops.forge.ForgeException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import okhttp3.Headers;

/**
 * Turns a forge's error answer into a {@link ForgeException}. The three forges agree on the
 * status codes that matter, so one mapping serves them all:
 * <ul>
 *   <li>401, and 403 that is not a rate limit: the token;</li>
 *   <li>404: the repository, or the token cannot see it (forges answer 404 rather than 403 for
 *       a private repository, so as not to reveal it exists);</li>
 *   <li>GitHub 422, Gitea and GitLab 409 saying "already exists": a pull request from the
 *       branch is open;</li>
 *   <li>429, and GitHub's 403 with {@code x-ratelimit-remaining: 0}: rate limited, wait
 *       {@code Retry-After} seconds or until {@code x-ratelimit-reset} (GitLab:
 *       {@code RateLimit-Reset});</li>
 *   <li>5xx: retriable.</li>
 * </ul>
 */
final class ForgeFailures {

    private final Clock clock;

    ForgeFailures(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code sent}: the token this very request carried, which is what the forge may echo. */
    ForgeException from(ForgeCall call, int status, Headers headers, String body, ForgeAuth.Sent sent) {
        String message = sent.redact(ForgeMessages.of(body));
        Kind kind = kindOf(status, headers, message);
        Duration retryAfter = kind.retriable() ? retryAfter(headers) : null;
        return new ForgeException(call, status, kind, message, retryAfter, null);
    }

    ForgeException unreachable(ForgeCall call, IOException cause, ForgeAuth.Sent sent) {
        String detail = cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + sent.redact(cause.getMessage());
        return new ForgeException(call, 0, Kind.UNREACHABLE, detail, null, cause);
    }

    private static Kind kindOf(int status, Headers headers, String message) {
        if (status == 429 || (status == 403 && rateLimitSpent(headers))) {
            return Kind.RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if ((status == 409 || status == 422) && message != null && message.contains("already exists")) {
            return Kind.ALREADY_EXISTS;
        }
        return status >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED;
    }

    /** GitHub signals both its primary and its secondary rate limit on a 403 this way. */
    private static boolean rateLimitSpent(Headers headers) {
        return "0".equals(headers.get("x-ratelimit-remaining")) || headers.get("retry-after") != null;
    }

    private Duration retryAfter(Headers headers) {
        String retryAfter = headers.get("retry-after");
        if (retryAfter != null) {
            Long seconds = seconds(retryAfter);
            if (seconds != null) {
                return Duration.ofSeconds(Math.max(0, seconds));
            }
            Date date = headers.getDate("retry-after");
            return date == null ? null : untilNow(date.toInstant());
        }
        String reset = headers.get("x-ratelimit-reset") != null ? headers.get("x-ratelimit-reset") : headers.get("ratelimit-reset");
        Long epochSeconds = reset == null ? null : seconds(reset);
        return epochSeconds == null ? null : untilNow(Instant.ofEpochSecond(epochSeconds));
    }

    private Duration untilNow(Instant then) {
        Duration wait = Duration.between(clock.instant(), then);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Long seconds(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
