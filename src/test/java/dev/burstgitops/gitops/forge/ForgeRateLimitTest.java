package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.gitops.forge.ForgeException.Kind;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ways forges say "slow down", and the wait each one names. */
class ForgeRateLimitTest {

    private final ForgeServer server = new ForgeServer();

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void githubsSpentPrimaryLimitIsA403ThatWaitsUntilTheReset() {
        server.reply(ForgeServer.json(403, ForgeServer.resource("github/error-rate-limit.json"))
                .setHeader("x-ratelimit-limit", "5000")
                .setHeader("x-ratelimit-remaining", "0")
                .setHeader("x-ratelimit-reset", Long.toString(ForgeServer.NOW.getEpochSecond() + 120)));

        ForgeException failure = failureOf("github", "acme/fleet");

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retriable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(failure.forgeMessage()).hasValueSatisfying(message -> assertThat(message).startsWith("API rate limit exceeded"));
    }

    @Test
    void githubsSecondaryLimitIsA403WithRetryAfter() {
        server.reply(ForgeServer.json(403, "{\"message\":\"You have exceeded a secondary rate limit.\"}")
                .setHeader("retry-after", "60"));

        ForgeException failure = failureOf("github", "acme/fleet");

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void aPlain403IsAPermissionProblemNotARateLimit() {
        server.reply(ForgeServer.json(403, "{\"message\":\"Resource not accessible by integration\"}")
                .setHeader("x-ratelimit-remaining", "4999"));

        ForgeException failure = failureOf("github", "acme/fleet");

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.retriable()).isFalse();
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void gitlabsResetHeaderNamesTheWaitWhenThereIsNoRetryAfter() {
        server.reply(new MockResponse().setResponseCode(429).setBody("Retry later\n")
                .setHeader("RateLimit-Remaining", "0")
                .setHeader("RateLimit-Reset", Long.toString(ForgeServer.NOW.getEpochSecond() + 30)));

        ForgeException failure = failureOf("gitlab", "platform/gitops/fleet");

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterDateIsCountedFromNow() {
        String inFiveMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ForgeServer.NOW.plusSeconds(300).atOffset(ZoneOffset.UTC));
        server.reply(new MockResponse().setResponseCode(429).setHeader("Retry-After", inFiveMinutes));

        ForgeException failure = failureOf("gitea", "acme/fleet");

        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(5));
    }

    @Test
    void aResetAlreadyPastMeansNoWait() {
        server.reply(new MockResponse().setResponseCode(429)
                .setHeader("x-ratelimit-remaining", "0")
                .setHeader("x-ratelimit-reset", Long.toString(ForgeServer.NOW.getEpochSecond() - 5)));

        assertThat(failureOf("github", "acme/fleet").retryAfter()).contains(Duration.ZERO);
    }

    private ForgeException failureOf(String provider, String repository) {
        return catchThrowableOfType(
                () -> server.provider(provider, repository, false).findOpen(Drafts.HEAD, Drafts.BASE),
                ForgeException.class);
    }
}
