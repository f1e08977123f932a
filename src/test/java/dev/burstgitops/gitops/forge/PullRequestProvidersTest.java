package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.config.Secret;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Building a provider from {@code git.pullRequest}: names, repositories and API roots. */
class PullRequestProvidersTest {

    private final ForgeServer server = new ForgeServer();

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anUnknownProviderNamesTheOnesThatExist() {
        assertThatThrownBy(() -> PullRequestProviders.create("bitbucket", server.uri(), "acme/fleet", ForgeServer.TOKEN, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown pull-request provider \"bitbucket\"; expected one of github, gitea, gitlab");
    }

    @Test
    void githubAndGiteaNeedExactlyOwnerAndName() {
        assertThatThrownBy(() -> PullRequestProviders.create("github", server.uri(), "acme/platform/fleet", ForgeServer.TOKEN, false))
                .hasMessage("repository must be owner/name, got: acme/platform/fleet");
        assertThatThrownBy(() -> PullRequestProviders.create("gitea", server.uri(), "fleet", ForgeServer.TOKEN, false))
                .hasMessage("repository must be owner/name, got: fleet");
    }

    @Test
    void gitlabTakesANestedGroupPathOrANumericIdButNotAStray() {
        assertThat(PullRequestProviders.create("gitlab", server.uri(), "a/b/c/d", ForgeServer.TOKEN, false)).isNotNull();
        assertThat(PullRequestProviders.create("gitlab", server.uri(), "4711", ForgeServer.TOKEN, false)).isNotNull();
        assertThatThrownBy(() -> PullRequestProviders.create("gitlab", server.uri(), "group//fleet", ForgeServer.TOKEN, false))
                .hasMessageStartingWith("GitLab project must be group/project");
    }

    @Test
    void anApiUrlThatAlreadyEndsInTheApiVersionIsNotExtendedTwice() throws ForgeException {
        server.replyJson(200, "[]").replyJson(200, "[]");
        URI giteaApi = server.uri().resolve("/api/v1/");
        URI gitlabApi = server.uri().resolve("/api/v4");

        PullRequestProviders.create("gitea", giteaApi, "acme/fleet", ForgeServer.TOKEN, false).findOpen(Drafts.HEAD, Drafts.BASE);
        PullRequestProviders.create("gitlab", gitlabApi, "acme/fleet", ForgeServer.TOKEN, false).findOpen(Drafts.HEAD, Drafts.BASE);

        assertThat(server.take().getPath()).startsWith("/api/v1/repos/acme/fleet/pulls?");
        assertThat(server.take().getPath()).startsWith("/api/v4/projects/acme%2Ffleet/merge_requests?");
    }

    @Test
    void aForgeBehindAPathPrefixKeepsIt() throws ForgeException {
        server.replyJson(200, "[]");

        PullRequestProviders.create("gitea", server.uri().resolve("/git/"), "acme/fleet", ForgeServer.TOKEN, false)
                .findOpen(Drafts.HEAD, Drafts.BASE);

        assertThat(server.take().getPath()).startsWith("/git/api/v1/repos/acme/fleet/pulls?");
    }

    @Test
    void credentialsInTheApiUrlAreRefusedWithoutPrintingThem() {
        URI withPassword = URI.create("https://bot:hunter2@gitea.example.com");

        assertThatThrownBy(() -> PullRequestProviders.create("gitea", withPassword, "acme/fleet", ForgeServer.TOKEN, false))
                .hasMessage("pull-request apiUrl must not carry credentials or a query")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void anEmptyTokenIsRefusedNamingWhereItCameFrom() {
        Secret empty = Secret.of("  ", "file /etc/burst-gitops/forge/token");

        assertThatThrownBy(() -> PullRequestProviders.create("github", server.uri(), "acme/fleet", empty, false))
                .hasMessage("forge token from file /etc/burst-gitops/forge/token is empty");
    }
}
