package dev.burstgitops.gitops;

import dev.burstgitops.gitops.forge.ClosedPullRequest;
import dev.burstgitops.gitops.forge.ForgeException;
import dev.burstgitops.gitops.forge.ProposalMarker;
import dev.burstgitops.gitops.forge.PullRequest;
import dev.burstgitops.gitops.forge.PullRequestDraft;
import dev.burstgitops.gitops.forge.PullRequestOutcome;
import dev.burstgitops.gitops.forge.PullRequestSync;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one pull request of a policy, from its side branch into the base branch. It remembers what
 * it last told the forge, because the burst loop polls every second or so: a pass that proposes
 * the same commit again, or finds nothing to withdraw again, makes no forge call at all (one
 * call a second would spend GitHub's hourly rate limit in about an hour); once every
 * {@link PullRequestLifecycle#RECHECK_OPEN_AFTER} it looks again, to learn of a closing.
 *
 * <p>A pull request a person closed without merging turns its proposal down: the same proposal
 * is not made again until {@code reproposeAfter} has passed since the closing. That is read from
 * the forge (the closed pull request's {@link ProposalMarker} and closing time), not only from
 * memory, so a restarted controller does not reopen it either.
 */
final class PolicyPullRequest {

    private final PullRequestSync forge;
    private final String headBranch;
    private final String baseBranch;
    private final Duration reproposeAfter;
    /** What the forge confirmed for which side-branch commit, and when; empty when unknown. */
    private Optional<Ensured> ensured = Optional.empty();
    /** The last turned-down proposal the forge reported; empty when none (or not asked yet). */
    private Optional<Remembered> refusal = Optional.empty();
    /** False only once the forge said nothing is open: at start-up we cannot know. */
    private boolean mayBeOpen = true;

    private record Ensured(String commitId, String proposalKey, PullRequestDraft draft, PullRequest pullRequest,
                           Instant confirmedAt) {
    }

    /** {@code confirmedAt}: when the forge last said that no pull request is open and this one was closed. */
    private record Remembered(String proposalKey, PullRequestOutcome.TurnedDown outcome, Instant confirmedAt) {
    }

    PolicyPullRequest(PullRequestSync forge, String headBranch, String baseBranch, Duration reproposeAfter) {
        this.forge = Objects.requireNonNull(forge, "forge");
        this.headBranch = Objects.requireNonNull(headBranch, "headBranch");
        this.baseBranch = Objects.requireNonNull(baseBranch, "baseBranch");
        this.reproposeAfter = Objects.requireNonNull(reproposeAfter, "reproposeAfter");
    }

    /**
     * A proposal held back because a person turned it down. {@code confirmedNow}: the forge said so
     * in this very call, so nothing was open a moment ago; otherwise it is remembered, and a
     * person may have reopened the pull request since, so its branch must not be deleted.
     */
    record Refusal(PullRequestOutcome.TurnedDown outcome, boolean confirmedNow) {
    }

    /**
     * Whether a person turned the proposal {@code proposalKey} down less than {@code reproposeAfter}
     * before {@code now}: then it must not be pushed or proposed. Asks the forge only when it
     * has confirmed no open pull request for this proposal within the last minute and has not
     * confirmed a refusal of it within the last minute, so a held-back policy polls with two
     * forge calls a minute, and a pull request a person reopens is noticed within a minute.
     */
    Optional<Refusal> turnedDown(String proposalKey, Instant now) throws PullRequestException {
        if (ensured.filter(e -> e.proposalKey().equals(proposalKey) && isFresh(e, now)).isPresent()) {
            return Optional.empty();
        }
        // A refusal the forge confirmed within the minute is trusted, while it is in force; after
        // that the forge is asked again, since a person may have reopened the pull request, or
        // (once it ran out) turned down the proposal made then.
        Optional<PullRequestOutcome.TurnedDown> standing = refusal.filter(r -> r.proposalKey().equals(proposalKey))
                .filter(r -> now.isBefore(r.confirmedAt().plus(PullRequestLifecycle.RECHECK_OPEN_AFTER)))
                .map(Remembered::outcome)
                .filter(outcome -> now.isBefore(outcome.reproposeAt()));
        boolean confirmedNow = false;
        if (standing.isEmpty()) {
            Optional<ClosedPullRequest> closed;
            try {
                closed = forge.turnedDown(headBranch, baseBranch, proposalKey);
            } catch (ForgeException e) {
                throw new PullRequestException("cannot tell whether the pull request from " + headBranch
                        + " into " + baseBranch + " was closed by a person", e);
            }
            refusal = closed.map(pr -> new Remembered(proposalKey,
                    new PullRequestOutcome.TurnedDown(pr, pr.closedAt().plus(reproposeAfter)), now));
            standing = refusal.map(Remembered::outcome).filter(outcome -> now.isBefore(outcome.reproposeAt()));
            confirmedNow = true;
        }
        if (standing.isPresent()) {
            ensured = Optional.empty();
            mayBeOpen = false;
        }
        boolean asked = confirmedNow;
        return standing.map(outcome -> new Refusal(outcome, asked));
    }

    /** Opens or updates the pull request to propose {@code commitId}, titled and described by its message. */
    PullRequestOutcome propose(String commitId, String commitMessage, String proposalKey, Instant now)
            throws PullRequestException {
        PullRequestDraft draft = draft(commitMessage, proposalKey);
        if (ensured.isPresent() && ensured.get().commitId().equals(commitId) && ensured.get().draft().equals(draft)
                && isFresh(ensured.get(), now)) {
            return new PullRequestOutcome.Unchanged(ensured.get().pullRequest());
        }
        ensured = Optional.empty();
        mayBeOpen = true;
        PullRequestOutcome outcome;
        try {
            outcome = forge.ensure(draft, reproposeAfter, now);
        } catch (ForgeException e) {
            throw new PullRequestException("proposed " + commitId.substring(0, 7) + " on " + headBranch
                    + ", but the pull request into " + baseBranch + " is not up to date", e);
        }
        pullRequestOf(outcome).ifPresent(pr -> ensured = Optional.of(new Ensured(commitId, proposalKey, draft, pr, now)));
        if (outcome instanceof PullRequestOutcome.TurnedDown) {
            // Closed by a person since we last looked. Not remembered here: the next pass asks the
            // forge through turnedDown, learns the refusal and deletes the branch just pushed.
            mayBeOpen = false;
            refusal = Optional.empty();
        }
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

    private static boolean isFresh(Ensured ensured, Instant now) {
        return now.isBefore(ensured.confirmedAt().plus(PullRequestLifecycle.RECHECK_OPEN_AFTER));
    }

    /**
     * Title: the commit's subject; body: the rest of its message, trailers included, for
     * reviewers, and the {@link ProposalMarker} by which the forge remembers the proposal.
     */
    private PullRequestDraft draft(String commitMessage, String proposalKey) {
        String message = commitMessage.strip();
        int endOfSubject = message.indexOf('\n');
        String title = endOfSubject < 0 ? message : message.substring(0, endOfSubject).strip();
        String body = endOfSubject < 0 ? "" : message.substring(endOfSubject + 1).strip();
        return new PullRequestDraft(headBranch, baseBranch, title, ProposalMarker.append(body, proposalKey));
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
