package dev.burstgitops.gitops.forge;

import static dev.burstgitops.gitops.forge.ForgeServer.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GitLab API v4 requests, against the bodies GitLab documents. */
class GitLabMergeRequestsTest {

    private static final String PROJECT = "platform/gitops/fleet";
    private static final String ENCODED = "/api/v4/projects/platform%2Fgitops%2Ffleet";

    private final ForgeServer gitlab = new ForgeServer();
    private final PullRequestProvider provider = gitlab.provider("gitlab", PROJECT, false);
    private final PullRequestSync sync = new PullRequestSync(provider);

    @AfterEach
    void stop() throws Exception {
        gitlab.close();
    }

    @Test
    void addressesTheProjectByItsUrlEncodedPathAndFiltersByBothBranches() throws ForgeException {
        gitlab.reply(200, "gitlab/merge-requests-open.json");

        PullRequest found = provider.findOpen(Drafts.HEAD, Drafts.BASE).orElseThrow();

        RecordedRequest request = gitlab.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo(ENCODED
                + "/merge_requests?state=opened&source_branch=burst-gitops%2Fworker&target_branch=main");
        assertThat(request.getHeader("PRIVATE-TOKEN")).isEqualTo(ForgeServer.TOKEN.reveal());
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(found).as("the fork's merge request with the same source branch is skipped")
                .isEqualTo(new PullRequest("12",
                        URI.create("https://gitlab.example.com/platform/gitops/fleet/-/merge_requests/12"),
                        Drafts.HEAD, Drafts.TITLE, Drafts.BODY));
    }

    @Test
    void aNumericProjectIdIsUsedAsIs() throws ForgeException {
        gitlab.replyJson(200, "[]");

        gitlab.provider("gitlab", "4711", false).findOpen(Drafts.HEAD, Drafts.BASE);

        assertThat(gitlab.take().getPath()).startsWith("/api/v4/projects/4711/merge_requests?");
    }

    @Test
    void opensAMergeRequestWhenNoneIsOpen() throws ForgeException {
        gitlab.replyJson(200, "[]").reply(201, "gitlab/merge-request.json");

        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) sync.ensure(Drafts.worker());

        assertThat(opened.pullRequest().id()).as("the iid, not the global id").isEqualTo("12");
        gitlab.take();
        RecordedRequest create = gitlab.take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getPath()).isEqualTo(ENCODED + "/merge_requests");
        assertThat(create.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(body(create)).hasSize(4);
        assertThat(body(create).path("source_branch").asText()).isEqualTo(Drafts.HEAD);
        assertThat(body(create).path("target_branch").asText()).isEqualTo(Drafts.BASE);
        assertThat(body(create).path("title").asText()).isEqualTo(Drafts.TITLE);
        assertThat(body(create).path("description").asText()).isEqualTo(Drafts.BODY);
    }

    @Test
    void updatesTitleAndDescriptionWhenTheOpenMergeRequestSaysSomethingElse() throws ForgeException {
        gitlab.reply(200, "gitlab/merge-requests-one-open-older-text.json").reply(200, "gitlab/merge-request.json");

        assertThat(sync.ensure(Drafts.worker())).isInstanceOf(PullRequestOutcome.Updated.class);

        gitlab.take();
        RecordedRequest update = gitlab.take();
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(update.getPath()).isEqualTo(ENCODED + "/merge_requests/12");
        assertThat(body(update)).hasSize(2);
        assertThat(body(update).path("title").asText()).isEqualTo(Drafts.TITLE);
        assertThat(body(update).path("description").asText()).isEqualTo(Drafts.BODY);
    }

    @Test
    void writesNothingWhenTheOpenMergeRequestAlreadySaysIt() throws ForgeException {
        gitlab.reply(200, "gitlab/merge-requests-one-open.json");

        assertThat(sync.ensure(Drafts.worker())).isInstanceOf(PullRequestOutcome.Unchanged.class);
        assertThat(gitlab.requestCount()).isEqualTo(1);
    }

    @Test
    void closesWithAStateEventAndThenLeavesANote() throws ForgeException {
        gitlab.reply(200, "gitlab/merge-requests-one-open.json").reply(200, "gitlab/merge-request.json")
                .reply(201, "gitlab/note.json");

        assertThat(sync.withdraw(Drafts.HEAD, Drafts.BASE, Drafts.CLOSING)).isInstanceOf(PullRequestOutcome.Closed.class);

        gitlab.take();
        RecordedRequest close = gitlab.take();
        assertThat(close.getMethod()).isEqualTo("PUT");
        assertThat(close.getPath()).isEqualTo(ENCODED + "/merge_requests/12");
        assertThat(body(close).path("state_event").asText()).isEqualTo("close");
        RecordedRequest note = gitlab.take();
        assertThat(note.getMethod()).isEqualTo("POST");
        assertThat(note.getPath()).isEqualTo(ENCODED + "/merge_requests/12/notes");
        assertThat(body(note).path("body").asText()).isEqualTo(Drafts.CLOSING);
    }

    @Test
    void anOpeningThatRacedAnotherIsFoundAgainInsteadOfFailingOnTheConflict() throws ForgeException {
        gitlab.replyJson(200, "[]").reply(409, "gitlab/error-409-already-exists.json")
                .reply(200, "gitlab/merge-requests-one-open.json");

        assertThat(sync.ensure(Drafts.worker())).isInstanceOf(PullRequestOutcome.Unchanged.class);
        assertThat(gitlab.requestCount()).isEqualTo(3);
    }

    @Test
    void setsAutoMergeWithTheNewAndTheOlderParameter() throws ForgeException {
        PullRequestSync autoMerging = new PullRequestSync(gitlab.provider("gitlab", PROJECT, true));
        gitlab.replyJson(200, "[]").reply(201, "gitlab/merge-request.json").reply(200, "gitlab/merge-request-auto-merge.json");

        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) autoMerging.ensure(Drafts.worker());

        assertThat(opened.autoMerge()).isEqualTo(AutoMerge.enabled());
        gitlab.take();
        gitlab.take();
        RecordedRequest merge = gitlab.take();
        assertThat(merge.getMethod()).isEqualTo("PUT");
        assertThat(merge.getPath()).isEqualTo(ENCODED + "/merge_requests/12/merge");
        assertThat(body(merge).path("auto_merge").asBoolean()).isTrue();
        assertThat(body(merge).path("merge_when_pipeline_succeeds").asBoolean()).isTrue();
    }

    @Test
    void aMergeRequestThatCannotAutoMergeYetIsReportedRefused() throws ForgeException {
        PullRequestSync autoMerging = new PullRequestSync(gitlab.provider("gitlab", PROJECT, true));
        gitlab.replyJson(200, "[]").reply(201, "gitlab/merge-request.json").reply(405, "gitlab/error-405-not-mergeable.json");

        PullRequestOutcome.Opened opened = (PullRequestOutcome.Opened) autoMerging.ensure(Drafts.worker());

        assertThat(opened.autoMerge()).isInstanceOfSatisfying(AutoMerge.Refused.class, refused ->
                assertThat(refused.reason()).contains("HTTP 405", "405 Method Not Allowed"));
    }

    @Test
    void theLastEndedMergeRequestOfTheBranchIsTurnedDownOnlyWhenItWasClosedRatherThanMerged() throws ForgeException {
        gitlab.replyJson(200, "[" + ended(12, "closed", "2026-11-27T07:00:00.000Z") + ","
                + ended(11, "merged", "2026-11-27T06:00:00.000Z") + "]");

        ClosedPullRequest closed = provider.lastClosedUnmerged(Drafts.HEAD, Drafts.BASE).orElseThrow();

        assertThat(gitlab.take().getRequestUrl().queryParameter("source_branch")).isEqualTo(Drafts.HEAD);
        assertThat(closed.pullRequest().id()).isEqualTo("12");
        assertThat(closed.closedAt()).isEqualTo(java.time.Instant.parse("2026-11-27T07:00:00Z"));

        gitlab.replyJson(200, "[" + ended(12, "closed", "2026-11-27T07:00:00.000Z") + ","
                + ended(13, "merged", "2026-11-27T08:00:00.000Z") + "," + ended(14, "opened", null) + "]");
        assertThat(provider.lastClosedUnmerged(Drafts.HEAD, Drafts.BASE)).as("merged since").isEmpty();
    }

    private static String ended(int iid, String state, String at) {
        String when = at == null ? "null" : "\"" + at + "\"";
        return """
                {"iid": %d, "web_url": "https://gitlab.example.com/acme/fleet/-/merge_requests/%d",
                 "source_branch": "%s", "target_branch": "%s", "title": "t", "description": "d",
                 "state": "%s", "closed_at": %s, "merged_at": %s, "source_project_id": 3, "target_project_id": 3}
                """.formatted(iid, iid, Drafts.HEAD, Drafts.BASE, state,
                state.equals("closed") ? when : "null", state.equals("merged") ? when : "null");
    }
}
