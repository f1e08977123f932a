package dev.burstgitops.record;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.decision.ShareMove;
import dev.burstgitops.decision.Situation;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.WorkingTree;
import dev.burstgitops.manifest.ManifestException;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.manifest.VirtualServiceWeights;
import dev.burstgitops.manifest.WeightedRoutes;
import dev.burstgitops.override.OverrideFile;
import dev.burstgitops.override.OverrideLookup;
import dev.burstgitops.override.OverrideReader;
import java.io.IOException;
import java.time.Instant;
import dev.burstgitops.gitops.HistoryCommit;
import dev.burstgitops.decision.DurationText;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a policy's state from a working tree: the mode its weights are in (for a spillover policy,
 * the share, and the mode that share means), when it last changed (trailers), and its override file.
 */
public final class PolicyStateReader {

    private final PolicyConfig policy;
    /** How far ahead of this clock a commit's date may be and still be believed (clocks drift a little). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(PolicyStateReader.class);

    private final ModeChangeHistory history;
    private volatile String futureCommitReported = "";
    private final OverrideReader overrides;

    public PolicyStateReader(PolicyConfig policy, ModeChangeHistory history, OverrideReader overrides) {
        this.policy = policy;
        this.history = history;
        this.overrides = overrides;
    }

    public PolicyState read(WorkingTree tree, Instant now) throws ManifestException, GitException {
        WeightedRoutes routes = routes(tree);
        OptionalInt share = policy.spills() ? SpilloverWeights.shareOf(policy.virtualService(), routes)
                : OptionalInt.empty();
        Situation situation = Situation.of(policy.spills() ? share.stream().mapToObj(ShareMove::modeOf).findFirst()
                .orElse(Mode.UNKNOWN) : currentMode(routes));
        Optional<HistoryCommit> lastChange = history.lastChange(policy.name(), tree.head());
        if (lastChange.isPresent() && trusted(lastChange.get(), now)) {
            situation = situation.withLastChange(lastChange.get().time());
        }
        OverrideLookup lookup = overrides.lookup(tree.directory(), policy.name(), now);
        Optional<OverrideFile> expired = Optional.empty();
        Optional<OverrideLookup.Invalid> invalid = Optional.empty();
        if (lookup instanceof OverrideLookup.InForce inForce) {
            OverrideFile override = inForce.override();
            situation = override.suspends() ? situation.withSuspension(override.asSuspension().orElseThrow())
                    : situation.withHold(override.asHold().orElseThrow());
        } else if (lookup instanceof OverrideLookup.Expired gone) {
            expired = Optional.of(gone.override());
        } else if (lookup instanceof OverrideLookup.Invalid bad) {
            invalid = Optional.of(bad);
        }
        return new PolicyState(situation, expired, invalid, share);
    }

    /**
     * Whether a commit's time may count as when the mode last changed. A commit's date is what
     * its author (or a node clock running ahead) claims: one dated months ahead would hold the
     * cooldown, and the streak restored since it, until then. Past the clock skew allowed, it is
     * not taken, and said once per commit.
     */
    private boolean trusted(HistoryCommit commit, Instant now) {
        if (!commit.time().isAfter(now.plus(CLOCK_SKEW))) {
            return true;
        }
        if (!commit.id().equals(futureCommitReported)) {
            futureCommitReported = commit.id();
            LOG.warn("{}: decision commit {} is dated {}, more than {} ahead of this clock ({}): its time holds"
                    + " neither the cooldown nor a streak", policy.name(), commit.shortId(), commit.time(),
                    DurationText.format(CLOCK_SKEW), now);
        }
        return false;
    }

    /** Natural or burst only when every route holds that mode's weights; anything else is unknown. */
    private WeightedRoutes routes(WorkingTree tree) throws ManifestException {
        VirtualServiceConfig vs = policy.virtualService();
        try {
            return VirtualServiceWeights.readFile(tree.directory(), vs.file(), vs.name(),
                    new HashSet<>(vs.weightsFor(Mode.NATURAL).keySet()));
        } catch (IOException e) {
            throw new ManifestException(SourceLocation.of(vs.file()), "cannot read the file: " + e, e);
        }
    }

    private Mode currentMode(WeightedRoutes routes) {
        VirtualServiceConfig vs = policy.virtualService();
        for (Mode mode : new Mode[] {Mode.NATURAL, Mode.BURST}) {
            if (routes.allRoutesHave(vs.weightsFor(mode))) {
                return mode;
            }
        }
        return Mode.UNKNOWN;
    }
}
