package dev.burstgitops.gitops.forge;

import static dev.burstgitops.gitops.forge.ForgeServer.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Gitea (and Forgejo) API v1 requests, against the bodies Gitea documents. */
class GiteaPullRequestsTest {

    private final ForgeServer gitea = new ForgeServer();
    private final PullRequestProvider provider = gitea.provider("gitea", "acme/fleet", false);
    private final PullRequestSync sync = new PullRequestSync(provider);

    @AfterEach
    void stop() throws Exception {
        gitea.close();
    }

    @Test
    void findsTheOpenPullRequestAmongOthersAndIgnoresAForkWithTheSameBranchName() throws ForgeException {
        gitea.reply(200, "gitea/pulls-open.json");

        PullRequest found = provider.findOpen(Drafts.HEAD, Drafts.BASE).orElseThrow();

        RecordedRequest request = gitea.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/api/v1/repos/acme/fleet/pulls?state=open&page=1&limit=50");
        assertThat(request.getHeader("Authorization")).isEqualTo("token " + ForgeServer.TOKEN.reveal());
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(found).isEqualTo(new PullRequest("7", URI.create("https://gitea.example.com/acme/fleet/pulls/7"),
                Drafts.HEAD, Drafts.TITLE, Drafts.BODY));
    }

    @Test
    void readsTheNextPageWhenAFullPageHoldsOnlyOthers() throws ForgeException {
        gitea.reply(200, "gitea/pulls-full-page-of-others.json").reply(200, "gitea/pulls-one-open.json");

        assertThat(provider.findOpen(Drafts.HEAD, Drafts.BASE)).isPresent();

        assertThat(gitea.take().getPath()).endsWith("page=1&limit=50");
        assertThat(gitea.take().getPath()).endsWith("page=2&limit=50");
    }

    @Test
    void theLastClosedPullRequestOfTheBranchIsFoundByItsLabelOnceItsBranchIsDeleted() throws ForgeException {
        gitea.reply(200, "gitea/pulls-closed-recent-first.json");

        ClosedPullRequest closed = provider.lastClosedUnmerged(Drafts.HEAD, Drafts.BASE).orElseThrow();

        assertThat(gitea.take().getPath())
                .isEqualTo("/api/v1/repos/acme/fleet/pulls?state=closed&sort=recentclose&page=1&limit=50");
        assertThat(closed.pullRequest().id()).isEqualTo("7");
        assertThat(closed.pullRequest().headBranch()).isEqualTo(Drafts.HEAD);
        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2026-11-27T06:10:00Z"));
        assertThat(ProposalMarker.keyOf(closed.pullRequest().body())).contains("273c98627d1b29ac");
    }

    @Test
    void aRefusalBehindAFullPageOfOtherClosingsIsFoundOnALaterPage() throws ForgeException {
        gitea.reply(200, "gitea/pulls-full-page-of-others.json").reply(200, "gitea/pulls-closed-recent-first.json");

        assertThat(provider.lastClosedUnmerged(Drafts.HEAD, Drafts.BASE)).isPresent();

        assertThat(gitea.take().getPath()).endsWith("state=closed&sort=recentclose&page=1&limit=50");
        assertThat(gitea.take().getPath()).endsWith("state=closed&sort=recentclose&page=2&limit=50");
    }

    @Test
    void closedPagesAreReadOnlyUpToTheBound() throws ForgeException {
        for (int page = 0; page < GiteaPullRequests.MOST_CLOSED_PAGES; page++) {
            gitea.reply(200, "gitea/pulls-full-page-of-others.json");
        }

        assertThat(provider.lastClosedUnmerged(Drafts.HEAD, Drafts.BASE)).isEmpty();
        assertThat(gitea.requestCount()).isEqualTo(GiteaPullRequests.MOST_CLOSED_PAGES);
    }

    @Test
    void noProposalWasTurnedDownWhenTheBranchsLastClosedPullRequestWasMerged() throws ForgeException {
        gitea.reply(200, "gitea/pulls-closed-last-merged.json");

        assertThat(provider.lastClosedUnmerged(Drafts.HEAD, Drafts.BASE)).isEmpty();
    }

    @Test
    void turnedDownNeedsTheSameProposalAndNothingOpen() throws ForgeException {
        gitea.reply(200, "gitea/pulls-closed-recent-first.json").replyJson(200, "[]");
        assertThat(sync.turnedDown(Drafts.HEAD, Drafts.BASE, "273c98627d1b29ac")).isPresent();

        gitea.reply(200, "gitea/pulls-closed-recent-first.json");
        assertThat(sync.turnedDown(Drafts.HEAD, Drafts.BASE, "0000000000000000")).isEmpty();

        gitea.reply(200, "gitea/pulls-closed-recent-first.json").reply(200, "gitea/pulls-one-open.json");
        assertThat(sync.turnedDown(Drafts.HEAD, Drafts.BASE, "273c98627d1b29ac")).as("reopened since").isEmpty();
    }

    @Test
    void withdrawingRemovesTheProposalMarkerBeforeClosingSoThatNoOneMistakesItForARefusal() throws ForgeException {
        String marked = ProposalMarker.append(Drafts.BODY, "273c98627d1b29ac");
        gitea.replyJson(200, "[" + ForgeServer.resource("gitea/pull.json").replace("\"body\": \"" + jsonEscaped(Drafts.BODY)
                + "\"", "\"body\": \"" + jsonEscaped(marked) + "\"") + "]")
                .reply(201, "gitea/pull.json").reply(201, "gitea/pull.json").reply(201, "gitea/comment.json");

        sync.withdraw(Drafts.HEAD, Drafts.BASE, Drafts.CLOSING);

        gitea.take();
        RecordedRequest strip = gitea.take();
        assertThat(strip.getMethod()).isEqualTo("PATCH");
        assertThat(body(strip).path("body").asText()).isEqualTo(Drafts.BODY);
        assertThat(body(gitea.take()).path("state").asText()).isEqualTo("closed");
    }

    @Test
    void opensAPullRequestWhenNoneIsOpen() throws ForgeException {
        gitea.replyJson(200, "[]").reply(201, "gitea/pull.json");

        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) sync.ensure(Drafts.worker());

        assertThat(opened.pullRequest().id()).isEqualTo("7");
        assertThat(opened.autoMerge()).isEqualTo(AutoMerge.off());
        gitea.take();
        RecordedRequest create = gitea.take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getPath()).isEqualTo("/api/v1/repos/acme/fleet/pulls");
        assertThat(create.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(body(create)).hasSize(4);
        assertThat(body(create).path("head").asText()).isEqualTo(Drafts.HEAD);
        assertThat(body(create).path("base").asText()).isEqualTo(Drafts.BASE);
        assertThat(body(create).path("title").asText()).isEqualTo(Drafts.TITLE);
        assertThat(body(create).path("body").asText()).isEqualTo(Drafts.BODY);
    }

    @Test
    void updatesTitleAndBodyWhenTheOpenPullRequestSaysSomethingElse() throws ForgeException {
        gitea.reply(200, "gitea/pulls-one-open-older-text.json").reply(201, "gitea/pull.json");

        assertThat(sync.ensure(Drafts.worker())).isInstanceOf(PullRequestOutcome.Updated.class);

        gitea.take();
        RecordedRequest update = gitea.take();
        assertThat(update.getMethod()).isEqualTo("PATCH");
        assertThat(update.getPath()).isEqualTo("/api/v1/repos/acme/fleet/pulls/7");
        assertThat(body(update)).hasSize(2);
        assertThat(body(update).path("title").asText()).isEqualTo(Drafts.TITLE);
        assertThat(body(update).path("body").asText()).isEqualTo(Drafts.BODY);
    }

    @Test
    void writesNothingWhenTheOpenPullRequestAlreadySaysIt() throws ForgeException {
        gitea.reply(200, "gitea/pulls-one-open.json");

        assertThat(sync.ensure(Drafts.worker())).isInstanceOf(PullRequestOutcome.Unchanged.class);
        assertThat(gitea.requestCount()).isEqualTo(1);
    }

    @Test
    void closesThePullRequestAndThenCommentsWhy() throws ForgeException {
        gitea.reply(200, "gitea/pulls-one-open.json").reply(201, "gitea/pull.json").reply(201, "gitea/comment.json");

        assertThat(sync.withdraw(Drafts.HEAD, Drafts.BASE, Drafts.CLOSING)).isInstanceOf(PullRequestOutcome.Closed.class);

        gitea.take();
        RecordedRequest close = gitea.take();
        assertThat(close.getMethod()).isEqualTo("PATCH");
        assertThat(close.getPath()).isEqualTo("/api/v1/repos/acme/fleet/pulls/7");
        assertThat(body(close).path("state").asText()).isEqualTo("closed");
        RecordedRequest comment = gitea.take();
        assertThat(comment.getMethod()).isEqualTo("POST");
        assertThat(comment.getPath()).isEqualTo("/api/v1/repos/acme/fleet/issues/7/comments");
        assertThat(body(comment).path("body").asText()).isEqualTo(Drafts.CLOSING);
    }

    @Test
    void anOpeningThatRacedAnotherIsFoundAgainInsteadOfFailingOnTheConflict() throws ForgeException {
        gitea.replyJson(200, "[]").reply(409, "gitea/error-409-already-exists.json").reply(200, "gitea/pulls-one-open.json");

        assertThat(sync.ensure(Drafts.worker())).isInstanceOf(PullRequestOutcome.Unchanged.class);
        assertThat(gitea.requestCount()).isEqualTo(3);
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Test
    void schedulesTheMergeForWhenChecksSucceed() throws ForgeException {
        PullRequestSync autoMerging = new PullRequestSync(gitea.provider("gitea", "acme/fleet", true));
        gitea.replyJson(200, "[]").reply(201, "gitea/pull.json").reply(ForgeServer.json(201, ""));

        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) autoMerging.ensure(Drafts.worker());

        assertThat(opened.autoMerge()).isEqualTo(AutoMerge.enabled());
        gitea.take();
        gitea.take();
        RecordedRequest merge = gitea.take();
        assertThat(merge.getMethod()).isEqualTo("POST");
        assertThat(merge.getPath()).isEqualTo("/api/v1/repos/acme/fleet/pulls/7/merge");
        assertThat(body(merge).path("Do").asText()).isEqualTo("merge");
        assertThat(body(merge).path("merge_when_checks_succeed").asBoolean()).isTrue();
    }

    @Test
    void aRefusedAutoMergeIsReportedWithGiteasReason() throws ForgeException {
        PullRequestSync autoMerging = new PullRequestSync(gitea.provider("gitea", "acme/fleet", true));
        gitea.replyJson(200, "[]").reply(201, "gitea/pull.json").reply(405, "gitea/error-405-not-mergeable.json");

        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) autoMerging.ensure(Drafts.worker());

        assertThat(opened.autoMerge()).isInstanceOfSatisfying(AutoMerge.Refused.class, refused ->
                assertThat(refused.reason()).contains("POST /api/v1/repos/acme/fleet/pulls/7/merge", "HTTP 405",
                        "Please try again later"));
    }
}
