package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.gitops.forge.ForgeException.Kind;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every forge's error answers become a ForgeException an operator can act on, and never show the token. */
class ForgeFailuresTest {

    /** Each forge with the path its findOpen asks and its own answer to a pull request it cannot open. */
    enum Forge {
        GITHUB("github", "acme/fleet",
                "/repos/acme/fleet/pulls?state=open&head=acme%3Aburst-gitops%2Fworker&base=main",
                "github/error-422-no-commits.json", "No commits between main and burst-gitops/worker"),
        GITEA("gitea", "acme/fleet",
                "/api/v1/repos/acme/fleet/pulls?state=open&page=1&limit=50",
                "gitea/error-422-no-changes.json", "There are no changes between the head and the base"),
        GITLAB("gitlab", "platform/gitops/fleet",
                "/api/v4/projects/platform%2Fgitops%2Ffleet/merge_requests?state=opened"
                        + "&source_branch=burst-gitops%2Fworker&target_branch=main",
                "gitlab/error-422-same-branch.json", "You can't use same project/branch for source and target");

        final String provider;
        final String repository;
        final String findPath;
        final String unprocessable;
        final String unprocessableMessage;

        Forge(String provider, String repository, String findPath, String unprocessable, String unprocessableMessage) {
            this.provider = provider;
            this.repository = repository;
            this.findPath = findPath;
            this.unprocessable = unprocessable;
            this.unprocessableMessage = unprocessableMessage;
        }
    }

    private final ForgeServer server = new ForgeServer();

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Forge.class)
    void a401NamesTheCallAndBlamesTheToken(Forge forge) {
        server.reply(401, forge.provider + "/error-401.json");

        ForgeException failure = failureOfFind(forge);

        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.retriable()).isFalse();
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.provider()).isEqualTo(forge.provider);
        assertThat(failure.method()).isEqualTo("GET");
        assertThat(failure.path()).isEqualTo(forge.findPath);
        assertThat(failure).hasMessageStartingWith(forge.provider + " GET " + forge.findPath
                + " failed: HTTP 401, authentication failed / token lacks permission: ");
        assertThat(failure.forgeMessage()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Forge.class)
    void a404SaysTheRepositoryIsMissingOrHiddenFromTheToken(Forge forge) {
        server.reply(404, forge.provider + "/error-404.json");

        ForgeException failure = failureOfFind(forge);

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.retriable()).isFalse();
        assertThat(failure).hasMessageContaining("HTTP 404, repository not found or token cannot see it");
    }

    @ParameterizedTest
    @EnumSource(Forge.class)
    void aValidationFailureThatIsNotADuplicateIsRejectedWithTheForgesReason(Forge forge) {
        server.replyJson(200, "[]").reply(422, forge.unprocessable);

        ForgeException failure = catchThrowableOfType(
                () -> new PullRequestSync(provider(forge)).ensure(Drafts.worker()), ForgeException.class);

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.retriable()).isFalse();
        assertThat(failure.method()).isEqualTo("POST");
        assertThat(failure.forgeMessage()).hasValueSatisfying(message -> assertThat(message).contains(forge.unprocessableMessage));
    }

    @ParameterizedTest
    @EnumSource(Forge.class)
    void a429IsRetriableAfterTheSecondsInRetryAfter(Forge forge) {
        server.reply(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setHeader("Content-Type", "text/plain").setBody("Retry later\n"));

        ForgeException failure = failureOfFind(forge);

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retriable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure).hasMessageContaining("HTTP 429, rate limited: Retry later (retry after 7 s)");
    }

    @ParameterizedTest
    @EnumSource(Forge.class)
    void aServerErrorIsRetriable(Forge forge) {
        server.reply(new MockResponse().setResponseCode(502).setBody("<html><body>Bad Gateway</body></html>"));

        ForgeException failure = failureOfFind(forge);

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.retriable()).isTrue();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure.forgeMessage()).as("a proxy's HTML page is not a message").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Forge.class)
    void theTokenAppearsNowhereEvenWhenTheForgeEchoesIt(Forge forge) {
        server.replyJson(401, "{\"message\":\"token " + ForgeServer.TOKEN.reveal() + " is revoked\"}");

        ForgeException failure = failureOfFind(forge);

        assertThat(failure.forgeMessage()).contains("token **** is revoked");
        assertNoTokenInCauseChain(failure);
    }

    @ParameterizedTest
    @EnumSource(Forge.class)
    void aDroppedConnectionIsRetriableAndKeepsItsCauseButNotTheToken(Forge forge) {
        server.reply(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

        ForgeException failure = failureOfFind(forge);

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.status()).isZero();
        assertThat(failure.retriable()).isTrue();
        assertThat(failure.getCause()).isNotNull();
        assertNoTokenInCauseChain(failure);
    }

    private ForgeException failureOfFind(Forge forge) {
        return catchThrowableOfType(() -> provider(forge).findOpen(Drafts.HEAD, Drafts.BASE), ForgeException.class);
    }

    private PullRequestProvider provider(Forge forge) {
        return server.provider(forge.provider, forge.repository, false);
    }

    static void assertNoTokenInCauseChain(Throwable failure) {
        assertThat(failure).as("a failure was thrown").isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(ForgeServer.TOKEN.reveal());
            assertThat(t.toString()).doesNotContain(ForgeServer.TOKEN.reveal());
        }
    }
}
