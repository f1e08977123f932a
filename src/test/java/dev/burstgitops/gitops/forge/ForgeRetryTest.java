package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.gitops.forge.ForgeException.Kind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bounded retries that wait what the forge asked for, driven by a sleeper that only records. */
class ForgeRetryTest {

    private static final ForgeCall CALL = new ForgeCall("github", "GET", "/repos/acme/fleet/pulls");

    private final List<Duration> slept = new ArrayList<>();
    private final ForgeRetry retry = new ForgeRetry(3, Duration.ofSeconds(1), Duration.ofSeconds(30), slept::add);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void waitsTheRetryAfterTheForgeNamedAndThenSucceeds() throws ForgeException {
        Deque<ForgeException> failures = new ArrayDeque<>(List.of(failure(Kind.RATE_LIMITED, Duration.ofSeconds(7))));

        String result = retry.call(() -> failOrAnswer(failures));

        assertThat(result).isEqualTo("answer");
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void doublesTheBackoffWhenTheForgeNamesNoWait() {
        Deque<ForgeException> failures = new ArrayDeque<>(List.of(
                failure(Kind.SERVER_ERROR, null), failure(Kind.SERVER_ERROR, null), failure(Kind.SERVER_ERROR, null)));

        ForgeException thrown = catchThrowableOfType(() -> retry.call(() -> failOrAnswer(failures)), ForgeException.class);

        assertThat(thrown.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(slept).as("three attempts, two waits").containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aFailureThatNoRetryCanFixGoesUpAtOnce() {
        Deque<ForgeException> failures = new ArrayDeque<>(List.of(failure(Kind.AUTHENTICATION, null)));

        ForgeException thrown = catchThrowableOfType(() -> retry.call(() -> failOrAnswer(failures)), ForgeException.class);

        assertThat(thrown.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(slept).isEmpty();
    }

    @Test
    void aWaitLongerThanTheLongestIsLeftToTheLoopWithItsRetryAfter() {
        Deque<ForgeException> failures = new ArrayDeque<>(List.of(failure(Kind.RATE_LIMITED, Duration.ofMinutes(40))));

        ForgeException thrown = catchThrowableOfType(() -> retry.call(() -> failOrAnswer(failures)), ForgeException.class);

        assertThat(thrown.retryAfter()).contains(Duration.ofMinutes(40));
        assertThat(slept).isEmpty();
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
        ForgeRetry interrupted = new ForgeRetry(3, Duration.ofSeconds(1), Duration.ofSeconds(30), duration -> {
            throw new InterruptedException("shutting down");
        });
        Deque<ForgeException> failures = new ArrayDeque<>(List.of(failure(Kind.SERVER_ERROR, null)));

        ForgeException thrown = catchThrowableOfType(() -> interrupted.call(() -> failOrAnswer(failures)), ForgeException.class);

        assertThat(thrown.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void theProviderRetriesARateLimitedCallAgainstTheForge() throws Exception {
        try (ForgeServer github = new ForgeServer()) {
            github.reply(ForgeServer.json(429, "{\"message\":\"slow down\"}").setHeader("Retry-After", "2"))
                    .reply(200, "github/pulls-one-open.json");
            PullRequestProvider provider = PullRequestProviders.create("github", github.uri(), "acme/fleet",
                    ForgeServer.TOKEN, false, retry, ForgeServer.CLOCK);

            assertThat(provider.findOpen(Drafts.HEAD, Drafts.BASE)).isPresent();

            assertThat(slept).containsExactly(Duration.ofSeconds(2));
            assertThat(github.requestCount()).isEqualTo(2);
        }
    }

    private static String failOrAnswer(Deque<ForgeException> failures) throws ForgeException {
        if (!failures.isEmpty()) {
            throw failures.pop();
        }
        return "answer";
    }

    private static ForgeException failure(Kind kind, Duration retryAfter) {
        return new ForgeException(CALL, kind == Kind.SERVER_ERROR ? 503 : 429, kind, null, retryAfter, null);
    }
}
