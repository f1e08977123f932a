package dev.burstgitops.controller;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.HysteresisDecider;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.Situation;
import dev.burstgitops.decision.Streak;
import dev.burstgitops.decision.Verdict;
import dev.burstgitops.gitops.ChangePublisher;
import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.gitops.WorkingTree;
import dev.burstgitops.manifest.ManifestException;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.manifest.VirtualServiceWeights;
import dev.burstgitops.manifest.WeightedRoutes;
import dev.burstgitops.metrics.MetricQueryException;
import dev.burstgitops.metrics.MetricsSource;
import dev.burstgitops.metrics.Sample;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One burst-loop pass for one policy: observe the metric, then on the freshly fetched head
 * read the weights, decide, and commit the new weights if the mode changes. After a rejected
 * push the publisher runs the decision again on the new head, so a person's commit that
 * changed the weights meanwhile is taken into account, not overwritten.
 */
public final class PolicyPass {

    private final PolicyConfig policy;
    private final MetricsSource metrics;
    private final ChangePublisher publisher;
    private final ModeChangeHistory history;
    private final HysteresisDecider decider;
    private final Clock clock;
    private Streak streak = Streak.none();

    PolicyPass(PolicyConfig policy, MetricsSource metrics, ChangePublisher publisher, ModeChangeHistory history,
               Clock clock) {
        this.policy = policy;
        this.metrics = metrics;
        this.publisher = publisher;
        this.history = history;
        this.decider = new HysteresisDecider(policy.rule());
        this.clock = clock;
    }

    public String policyName() {
        return policy.name();
    }

    public PassResult run() throws GitException, ManifestException {
        Instant now = clock.instant();
        Observation observation = observe();
        AtomicReference<Verdict> verdict = new AtomicReference<>();
        PublishResult published;
        try {
            published = publisher.publish(tree -> {
                verdict.set(decide(tree, observation, now));
                return commitFor(tree, verdict.get().decision(), now);
            });
        } catch (GitException | ManifestException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure in a burst-loop pass", e);
        }
        streak = verdict.get().streak();
        if (published instanceof PublishResult.GaveUp gaveUp) {
            throw new GitException("push rejected " + gaveUp.attempts() + " times, giving up for this pass: "
                    + gaveUp.lastRejection());
        }
        Optional<String> commit = published instanceof PublishResult.Published p ? Optional.of(p.commitId())
                : Optional.empty();
        int attempts = published instanceof PublishResult.Published p ? p.attempts() : 1;
        return new PassResult(policy.name(), verdict.get().decision(), commit, attempts);
    }

    private Observation observe() {
        try {
            Sample sample = metrics.query(policy.query());
            return sample.hasData() ? Observation.rate(sample.value()) : Observation.noData();
        } catch (MetricQueryException e) {
            return Observation.failed(e.getMessage());
        }
    }

    private Verdict decide(WorkingTree tree, Observation observation, Instant now)
            throws ManifestException, GitException {
        VirtualServiceConfig vs = policy.virtualService();
        WeightedRoutes routes;
        try {
            routes = VirtualServiceWeights.readFile(tree.directory(), vs.file(), vs.name(),
                    new HashSet<>(vs.weightsFor(Mode.NATURAL).keySet()));
        } catch (IOException e) {
            throw unreadable(vs, e);
        }
        Situation situation = Situation.of(currentMode(vs, routes));
        Optional<Instant> lastChange = history.lastChange(policy.name(), tree.head());
        if (lastChange.isPresent()) {
            situation = situation.withLastChange(lastChange.get());
        }
        return decider.decide(situation, observation, streak, now);
    }

    /** Natural or burst only when every route holds that mode's weights; anything else is unknown. */
    private static Mode currentMode(VirtualServiceConfig vs, WeightedRoutes routes) {
        for (Mode mode : new Mode[] {Mode.NATURAL, Mode.BURST}) {
            if (routes.allRoutesHave(vs.weightsFor(mode))) {
                return mode;
            }
        }
        return Mode.UNKNOWN;
    }

    private Optional<CommitRequest> commitFor(WorkingTree tree, Decision decision, Instant now)
            throws ManifestException {
        if (!(decision instanceof Decision.Change change)) {
            return Optional.empty();
        }
        VirtualServiceConfig vs = policy.virtualService();
        Map<String, Integer> weights = vs.weightsFor(change.to());
        boolean changed;
        try {
            changed = VirtualServiceWeights.writeFile(tree.directory(), vs.file(), vs.name(), weights);
        } catch (IOException e) {
            throw unreadable(vs, e);
        }
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(CommitRequest.of(DecisionCommitMessage.of(policy, change, now), vs.file()));
    }

    private static ManifestException unreadable(VirtualServiceConfig vs, IOException e) {
        return new ManifestException(SourceLocation.of(vs.file()), "cannot read or write the file: " + e, e);
    }
}
