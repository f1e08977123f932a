package dev.burstgitops.gitops;

import dev.burstgitops.gitops.forge.ForgeException;
import dev.burstgitops.gitops.forge.PullRequest;
import dev.burstgitops.gitops.forge.PullRequestDraft;
import dev.burstgitops.gitops.forge.PullRequestOutcome;
import dev.burstgitops.gitops.forge.PullRequestSync;
import java.util.Objects;
import java.util.Optional;

/**
 * The one pull request of a policy, from its side branch into the base branch. It remembers what
 * it last told the forge, because the burst loop polls every second or so: a pass that proposes
 * the same commit again, or finds nothing to withdraw again, makes no forge call at all (one
 * call a second would spend GitHub's hourly rate limit in about an hour). A pull request a person
 * closed without merging is therefore not reopened until the proposal itself changes.
 */
final class PolicyPullRequest {

    private final PullRequestSync forge;
    private final String headBranch;
    private final String baseBranch;
    /** What the forge confirmed for which side-branch commit; empty when unknown. */
    private Optional<Ensured> ensured = Optional.empty();
    /** False only once the forge said nothing is open: at start-up we cannot know. */
    private boolean mayBeOpen = true;

    private record Ensured(String commitId, PullRequestDraft draft, PullRequest pullRequest) {
    }

    PolicyPullRequest(PullRequestSync forge, String headBranch, String baseBranch) {
        this.forge = Objects.requireNonNull(forge, "forge");
        this.headBranch = Objects.requireNonNull(headBranch, "headBranch");
        this.baseBranch = Objects.requireNonNull(baseBranch, "baseBranch");
    }

    /** Opens or updates the pull request to propose {@code commitId}, titled and described by its message. */
    PullRequestOutcome propose(String commitId, String commitMessage) throws PullRequestException {
        PullRequestDraft draft = draft(commitMessage);
        if (ensured.isPresent() && ensured.get().commitId().equals(commitId) && ensured.get().draft().equals(draft)) {
            return new PullRequestOutcome.Unchanged(ensured.get().pullRequest());
        }
        ensured = Optional.empty();
        mayBeOpen = true;
        PullRequestOutcome outcome;
        try {
            outcome = forge.ensure(draft);
        } catch (ForgeException e) {
            throw new PullRequestException("proposed " + commitId.substring(0, 7) + " on " + headBranch
                    + ", but the pull request into " + baseBranch + " is not up to date", e);
        }
        pullRequestOf(outcome).ifPresent(pr -> ensured = Optional.of(new Ensured(commitId, draft, pr)));
        return outcome;
    }

    /** Closes the open pull request, if any, since the base branch at {@code baseHead} already holds what it proposed. */
    void withdraw(String baseHead) throws PullRequestException {
        if (!mayBeOpen) {
            return;
        }
        String comment = "`" + baseBranch + "` at " + baseHead.substring(0, 7)
                + " already holds what this pull request proposed, so burst-gitops closes it.";
        try {
            forge.withdraw(headBranch, baseBranch, comment);
        } catch (ForgeException e) {
            throw new PullRequestException("cannot close the pull request from " + headBranch + " into " + baseBranch, e);
        }
        ensured = Optional.empty();
        mayBeOpen = false;
    }

    /** Title: the commit's subject; body: the rest of its message, trailers included, for reviewers. */
    private PullRequestDraft draft(String commitMessage) {
        String message = commitMessage.strip();
        int endOfSubject = message.indexOf('\n');
        String title = endOfSubject < 0 ? message : message.substring(0, endOfSubject).strip();
        String body = endOfSubject < 0 ? "" : message.substring(endOfSubject + 1).strip();
        return new PullRequestDraft(headBranch, baseBranch, title, body);
    }

    private static Optional<PullRequest> pullRequestOf(PullRequestOutcome outcome) {
        if (outcome instanceof PullRequestOutcome.Opened opened) {
            return Optional.of(opened.pullRequest());
        }
        if (outcome instanceof PullRequestOutcome.Updated updated) {
            return Optional.of(updated.pullRequest());
        }
        if (outcome instanceof PullRequestOutcome.Unchanged unchanged) {
            return Optional.of(unchanged.pullRequest());
        }
        return Optional.empty();
    }
}
