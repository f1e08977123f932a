package dev.burstgitops.record;

import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.gitops.forge.PullRequest;
import dev.burstgitops.gitops.forge.PullRequestOutcome;
import java.util.Optional;

/** How a pass that did not push to the branch reads in the terminal and the log: a proposal, or a dry run. */
public final class ProposalText {

    private ProposalText() {
    }

    /** "proposed 3f2a1c9 in https://.../pull/42", "dry run, would commit ..."; empty for a result on the branch. */
    public static Optional<String> of(PublishResult result) {
        if (result instanceof PublishResult.Proposed proposed) {
            return Optional.of(of(proposed));
        }
        if (result instanceof PublishResult.WouldCommit would) {
            return Optional.of("dry run, would commit \"" + would.commit().message().subject() + "\"");
        }
        return Optional.empty();
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
