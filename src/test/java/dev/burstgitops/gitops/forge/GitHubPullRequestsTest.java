package dev.burstgitops.gitops.forge;

import static dev.burstgitops.gitops.forge.ForgeServer.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GitHub REST v3 requests, against the bodies GitHub documents. */
class GitHubPullRequestsTest {

    private final ForgeServer github = new ForgeServer();
    private final PullRequestSync sync = new PullRequestSync(github.provider("github", "acme/fleet", false));

    @AfterEach
    void stop() throws Exception {
        github.close();
    }

    @Test
    void findsTheOpenPullRequestByOwnerQualifiedHeadAndBase() throws ForgeException {
        github.reply(200, "github/pulls-one-open.json");

        PullRequest found = github.provider("github", "acme/fleet", false).findOpen(Drafts.HEAD, Drafts.BASE).orElseThrow();

        RecordedRequest request = github.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath())
                .isEqualTo("/repos/acme/fleet/pulls?state=open&head=acme%3Aburst-gitops%2Fworker&base=main");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ForgeServer.TOKEN.reveal());
        assertThat(request.getHeader("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.getHeader("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(request.getHeader("User-Agent")).isEqualTo("burst-gitops");
        assertThat(found).isEqualTo(new PullRequest("42", URI.create("https://github.com/acme/fleet/pull/42"),
                Drafts.HEAD, Drafts.TITLE, Drafts.BODY));
    }

    @Test
    void opensAPullRequestWhenNoneIsOpen() throws ForgeException {
        github.replyJson(200, "[]").reply(201, "github/pull.json");

        PullRequestOutcome outcome = sync.ensure(Drafts.worker());

        assertThat(outcome).isInstanceOf(PullRequestOutcome.Opened.class);
        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) outcome;
        assertThat(opened.pullRequest().id()).isEqualTo("42");
        assertThat(opened.autoMerge()).isEqualTo(AutoMerge.off());
        github.take();
        RecordedRequest create = github.take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getPath()).isEqualTo("/repos/acme/fleet/pulls");
        assertThat(create.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(create.getHeader("Authorization")).isEqualTo("Bearer " + ForgeServer.TOKEN.reveal());
        assertThat(body(create)).hasSize(4);
        assertThat(body(create).path("title").asText()).isEqualTo(Drafts.TITLE);
        assertThat(body(create).path("head").asText()).isEqualTo(Drafts.HEAD);
        assertThat(body(create).path("base").asText()).isEqualTo(Drafts.BASE);
        assertThat(body(create).path("body").asText()).isEqualTo(Drafts.BODY);
    }

    @Test
    void updatesTitleAndBodyWhenTheOpenPullRequestSaysSomethingElse() throws ForgeException {
        github.reply(200, "github/pulls-one-open-older-text.json").reply(200, "github/pull.json");

        PullRequestOutcome outcome = sync.ensure(Drafts.worker());

        assertThat(outcome).isInstanceOf(PullRequestOutcome.Updated.class);
        github.take();
        RecordedRequest update = github.take();
        assertThat(update.getMethod()).isEqualTo("PATCH");
        assertThat(update.getPath()).isEqualTo("/repos/acme/fleet/pulls/42");
        assertThat(body(update)).hasSize(2);
        assertThat(body(update).path("title").asText()).isEqualTo(Drafts.TITLE);
        assertThat(body(update).path("body").asText()).isEqualTo(Drafts.BODY);
    }

    @Test
    void writesNothingWhenTheOpenPullRequestAlreadySaysIt() throws ForgeException {
        github.reply(200, "github/pulls-one-open.json");

        PullRequestOutcome outcome = sync.ensure(Drafts.worker());

        assertThat(outcome).isInstanceOf(PullRequestOutcome.Unchanged.class);
        assertThat(github.requestCount()).isEqualTo(1);
    }

    @Test
    void closesThePullRequestAndThenCommentsWhy() throws ForgeException {
        github.reply(200, "github/pulls-one-open.json").reply(200, "github/pull.json")
                .reply(201, "github/issue-comment.json");

        PullRequestOutcome outcome = sync.withdraw(Drafts.HEAD, Drafts.BASE, Drafts.CLOSING);

        assertThat(outcome).isInstanceOf(PullRequestOutcome.Closed.class);
        github.take();
        RecordedRequest close = github.take();
        assertThat(close.getMethod()).isEqualTo("PATCH");
        assertThat(close.getPath()).isEqualTo("/repos/acme/fleet/pulls/42");
        assertThat(body(close).path("state").asText()).isEqualTo("closed");
        RecordedRequest comment = github.take();
        assertThat(comment.getMethod()).isEqualTo("POST");
        assertThat(comment.getPath()).isEqualTo("/repos/acme/fleet/issues/42/comments");
        assertThat(body(comment).path("body").asText()).isEqualTo(Drafts.CLOSING);
    }

    @Test
    void withdrawingWhenNothingIsOpenMakesNoWrite() throws ForgeException {
        github.replyJson(200, "[]");

        assertThat(sync.withdraw(Drafts.HEAD, Drafts.BASE, Drafts.CLOSING)).isEqualTo(PullRequestOutcome.NothingOpen.INSTANCE);
        assertThat(github.requestCount()).isEqualTo(1);
    }

    @Test
    void anOpeningThatRacedAnotherIsFoundAgainAndUpdated() throws ForgeException {
        github.replyJson(200, "[]")
                .reply(422, "github/error-422-already-exists.json")
                .reply(200, "github/pulls-one-open-older-text.json")
                .reply(200, "github/pull.json");

        PullRequestOutcome outcome = sync.ensure(Drafts.worker());

        assertThat(outcome).isInstanceOf(PullRequestOutcome.Updated.class);
        assertThat(github.requestCount()).isEqualTo(4);
    }

    @Test
    void enablesAutoMergeThroughGraphqlWithTheNodeIdOfTheNewPullRequest() throws ForgeException {
        PullRequestSync autoMerging = new PullRequestSync(github.provider("github", "acme/fleet", true));
        github.replyJson(200, "[]").reply(201, "github/pull.json").reply(200, "github/graphql-auto-merge-enabled.json");

        PullRequestOutcome outcome = autoMerging.ensure(Drafts.worker());

        assertThat(((PullRequestOutcome.Opened) outcome).autoMerge()).isEqualTo(AutoMerge.enabled());
        github.take();
        github.take();
        RecordedRequest mutation = github.take();
        assertThat(mutation.getMethod()).isEqualTo("POST");
        assertThat(mutation.getPath()).isEqualTo("/graphql");
        assertThat(mutation.getHeader("Authorization")).isEqualTo("Bearer " + ForgeServer.TOKEN.reveal());
        assertThat(body(mutation).path("query").asText()).contains("enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId})");
        assertThat(body(mutation).path("variables").path("pullRequestId").asText()).isEqualTo("PR_kwDOKtYx8M5zT1aE");
    }

    @Test
    void aRefusedAutoMergeIsReportedAndThePullRequestStaysOpened() throws ForgeException {
        PullRequestSync autoMerging = new PullRequestSync(github.provider("github", "acme/fleet", true));
        github.replyJson(200, "[]").reply(201, "github/pull.json").reply(200, "github/graphql-auto-merge-refused.json");

        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) autoMerging.ensure(Drafts.worker());

        assertThat(opened.pullRequest().id()).isEqualTo("42");
        assertThat(opened.autoMerge())
                .isEqualTo(AutoMerge.refused("Pull request Auto merge is not allowed for this repository"));
    }

    @Test
    void graphqlLivesBesideRestOnGithubComAndOnEnterpriseServer() {
        assertThat(GitHubAutoMerge.graphqlUrl(HttpUrl.get("https://api.github.com")))
                .hasToString("https://api.github.com/graphql");
        assertThat(GitHubAutoMerge.graphqlUrl(HttpUrl.get("https://ghe.example.com/api/v3/")))
                .hasToString("https://ghe.example.com/api/graphql");
    }
}
