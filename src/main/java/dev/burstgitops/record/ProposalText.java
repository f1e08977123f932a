package dev.burstgitops.record;

import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.gitops.forge.PullRequest;
import dev.burstgitops.gitops.forge.PullRequestOutcome;

/** How a pull-request-mode pass reads in the terminal and the log. */
public final class ProposalText {

    private ProposalText() {
    }

    public static String of(PublishResult.Proposed proposed) {
        if (proposed.pullRequest() instanceof PullRequestOutcome.TurnedDown turnedDown) {
            return "holding back: a person closed " + turnedDown.closed().pullRequest().webUrl()
                    + " without merging; proposing again at " + turnedDown.reproposeAt() + " or when the proposal changes";
        }
        String id = Revisions.shortId(proposed.commitId());
        String where = pullRequest(proposed.pullRequest());
        return (proposed.pushed() ? "proposed " + id : "waiting for review of " + id) + where;
    }

    private static String pullRequest(PullRequestOutcome outcome) {
        PullRequest pr = null;
        if (outcome instanceof PullRequestOutcome.Opened opened) {
            pr = opened.pullRequest();
        } else if (outcome instanceof PullRequestOutcome.Updated updated) {
            pr = updated.pullRequest();
        } else if (outcome instanceof PullRequestOutcome.Unchanged unchanged) {
            pr = unchanged.pullRequest();
        }
        return pr == null ? "" : " in " + pr.webUrl();
    }
}
