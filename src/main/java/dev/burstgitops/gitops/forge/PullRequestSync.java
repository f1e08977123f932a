package dev.burstgitops.gitops.forge;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly one open pull request per policy branch: {@link #ensure} opens or updates it,
 * {@link #withdraw} closes it once the base branch already holds what it proposed, and
 * {@link #turnedDown} finds the proposal a person closed without merging.
 */
public final class PullRequestSync {

    private static final Logger LOG = LoggerFactory.getLogger(PullRequestSync.class);

    private final PullRequestProvider provider;

    public PullRequestSync(PullRequestProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Find, then open when none is open, or update when the text differs; no write when it is the same.
     * Before opening, asks once more whether a person closed this very proposal less than
     * {@code reproposeAfter} before {@code now}, and then holds back ({@link PullRequestOutcome.TurnedDown}):
     * the caller's memory of an open pull request may be older than that closing, and the side
     * branch may have moved since (a new base), so only the forge can say.
     */
    public PullRequestOutcome ensure(PullRequestDraft draft, Duration reproposeAfter, Instant now) throws ForgeException {
        Objects.requireNonNull(reproposeAfter, "reproposeAfter");
        Objects.requireNonNull(now, "now");
        return ensure(draft, closed -> Optional.of(new PullRequestOutcome.TurnedDown(closed,
                closed.closedAt().plus(reproposeAfter))).filter(refusal -> now.isBefore(refusal.reproposeAt())));
    }

    /** {@link #ensure(PullRequestDraft, Duration, Instant)} for adapter tests: opens even a turned-down proposal. */
    PullRequestOutcome ensure(PullRequestDraft draft) throws ForgeException {
        return ensure(draft, closed -> Optional.empty());
    }

    private PullRequestOutcome ensure(PullRequestDraft draft,
                                      Function<ClosedPullRequest, Optional<PullRequestOutcome.TurnedDown>> inForce)
            throws ForgeException {
        Optional<PullRequest> open = provider.findOpen(draft.headBranch(), draft.baseBranch());
        if (open.isEmpty()) {
            Optional<PullRequestOutcome.TurnedDown> refusal = lastClosedProposing(draft).flatMap(inForce);
            if (refusal.isPresent()) {
                LOG.info("not opening a pull request from {}: {} turned this proposal down", draft.headBranch(),
                        refusal.get().closed().pullRequest().webUrl());
                return refusal.get();
            }
            try {
                PullRequestOutcome.Opened opened = provider.open(draft);
                LOG.info("opened pull request {} from {}", opened.pullRequest().webUrl(), draft.headBranch());
                if (opened.autoMerge() instanceof AutoMerge.Refused refused) {
                    LOG.warn("auto-merge refused, pull request {} waits for a person: {}",
                            opened.pullRequest().webUrl(), refused.reason());
                }
                return opened;
            } catch (ForgeException failure) {
                // Another replica, or an earlier pass whose answer was lost, opened it after our look.
                open = findAgainAfter(failure, draft);
            }
        }
        PullRequest existing = open.get();
        if (draft.sameTextAs(existing)) {
            LOG.debug("pull request {} already says it", existing.webUrl());
            return new PullRequestOutcome.Unchanged(existing);
        }
        PullRequest updated = provider.update(existing, draft);
        LOG.info("updated pull request {} to \"{}\"", updated.webUrl(), updated.title());
        return new PullRequestOutcome.Updated(updated);
    }

    /**
     * Find, then close with {@code comment}; nothing open is a normal result. The body loses its
     * {@link ProposalMarker} first, so that this closing is never read back as a person's refusal.
     */
    public PullRequestOutcome withdraw(String headBranch, String baseBranch, String comment) throws ForgeException {
        Optional<PullRequest> open = provider.findOpen(headBranch, baseBranch);
        if (open.isEmpty()) {
            return PullRequestOutcome.NothingOpen.INSTANCE;
        }
        PullRequest existing = open.get();
        if (ProposalMarker.keyOf(existing.body()).isPresent()) {
            existing = provider.update(existing, new PullRequestDraft(headBranch, baseBranch, existing.title(),
                    ProposalMarker.strip(existing.body())));
        }
        provider.close(existing, comment);
        LOG.info("closed pull request {}: {}", open.get().webUrl(), comment);
        return new PullRequestOutcome.Closed(open.get());
    }

    /**
     * The pull request a person closed without merging while it proposed {@code proposalKey}, when
     * that is the last one closed and none is open now (a person may have reopened it, or opened
     * one of their own from the branch).
     */
    public Optional<ClosedPullRequest> turnedDown(String headBranch, String baseBranch, String proposalKey)
            throws ForgeException {
        Optional<ClosedPullRequest> closed = provider.lastClosedUnmerged(headBranch, baseBranch)
                .filter(pr -> ProposalMarker.keyOf(pr.pullRequest().body()).filter(proposalKey::equals).isPresent());
        if (closed.isEmpty() || provider.findOpen(headBranch, baseBranch).isPresent()) {
            return Optional.empty();
        }
        return closed;
    }

    private Optional<ClosedPullRequest> lastClosedProposing(PullRequestDraft draft) throws ForgeException {
        Optional<String> key = ProposalMarker.keyOf(draft.body());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return provider.lastClosedUnmerged(draft.headBranch(), draft.baseBranch())
                .filter(pr -> ProposalMarker.keyOf(pr.pullRequest().body()).equals(key));
    }

    private Optional<PullRequest> findAgainAfter(ForgeException failure, PullRequestDraft draft) throws ForgeException {
        if (failure.kind() != ForgeException.Kind.ALREADY_EXISTS) {
            throw failure;
        }
        Optional<PullRequest> open = provider.findOpen(draft.headBranch(), draft.baseBranch());
        if (open.isEmpty()) {
            // It exists but cannot be found (e.g. opened from a fork branch of the same name): say so.
            throw failure;
        }
        return open;
    }
}
