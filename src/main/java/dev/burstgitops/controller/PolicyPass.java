package dev.burstgitops.controller;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.BurstReadiness;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Hold;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.ReadinessGate;
import dev.burstgitops.decision.Situation;
import dev.burstgitops.decision.Suspension;
import dev.burstgitops.gitops.Attempt;
import dev.burstgitops.gitops.DecisionPublisher;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.PublishFailedException;
import dev.burstgitops.gitops.Publication;
import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.manifest.ManifestException;
import dev.burstgitops.metrics.MetricQueryException;
import dev.burstgitops.metrics.MetricsSource;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.policy.BurstReadinessProbe;
import dev.burstgitops.policy.PolicyDecider;
import dev.burstgitops.policy.StreakRestore;
import dev.burstgitops.record.DecisionCommitWriter;
import dev.burstgitops.record.PolicyState;
import dev.burstgitops.record.PolicyStateReader;
import dev.burstgitops.record.ProposalText;
import dev.burstgitops.status.PassResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One burst-loop pass for one policy: observe the metric, then on the freshly fetched head
 * read the weights, decide, and commit the new weights if the mode changes. After a rejected
 * push the publisher runs the decision again on the new head, so a person's commit that
 * changed the weights meanwhile is taken into account, not overwritten.
 */
public final class PolicyPass {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyPass.class);

    private final PolicyConfig policy;
    private final MetricsSource metrics;
    private final DecisionPublisher publisher;
    private final PolicyStateReader stateReader;
    private final DecisionCommitWriter commitWriter;
    private final PolicyDecider decider;
    private final Clock clock;
    private final Optional<BurstReadinessProbe> readinessProbe;
    private final Optional<ReadinessGate> gate;
    private BurstReadiness readiness = BurstReadiness.unknown();
    private boolean restored;
    private boolean queryFailing;
    private String invalidOverrideReportedAt;

    PolicyPass(PolicyConfig policy, MetricsSource metrics, DecisionPublisher publisher, PolicyStateReader stateReader,
               Clock clock, Optional<StreakRestore> restore) {
        this(policy, metrics, publisher, stateReader, clock, restore, Optional.empty());
    }

    /** @param readinessProbe reads the policy's {@code burstReadiness} workload; empty without a gate */
    PolicyPass(PolicyConfig policy, MetricsSource metrics, DecisionPublisher publisher, PolicyStateReader stateReader,
               Clock clock, Optional<StreakRestore> restore, Optional<BurstReadinessProbe> readinessProbe) {
        this.readinessProbe = readinessProbe;
        this.gate = policy.burstReadiness().map(config -> new ReadinessGate(config.fallbackAfter()));
        this.policy = policy;
        this.metrics = metrics;
        this.publisher = publisher;
        this.stateReader = stateReader;
        this.commitWriter = new DecisionCommitWriter(policy);
        this.decider = PolicyDecider.of(policy, restore);
        this.clock = clock;
    }

    public String policyName() {
        return policy.name();
    }

    public PassResult run() throws GitException, ManifestException {
        Instant now = clock.instant();
        if (!restored) {
            // The first pass of this loop (a start, or a new leader) carries on the streak of the past window.
            restored = true;
            decider.start(now);
        }
        Observation observation = observe();
        Publication<Decided> published;
        try {
            published = publisher.publishAttempts(tree -> {
                PolicyState state = stateReader.read(tree, now);
                reportInvalidOverride(state, tree.head());
                Decision decision = decide(state, observation, now);
                return new Attempt<>(new Decided(state, decision),
                        commitWriter.write(tree, decision, state.expiredOverride(), now));
            });
        } catch (GitException | ManifestException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure in a burst-loop pass", e);
        }
        decider.keepLast();
        PublishResult result = published.result();
        if (result instanceof PublishResult.GaveUp gaveUp) {
            throw new PublishFailedException("push rejected " + gaveUp.attempts() + " times, giving up for this"
                    + " pass: " + gaveUp.lastRejection(), gaveUp.attempts());
        }
        Situation situation = published.outcome().state().situation();
        Optional<String> override = situation.hold().filter(hold -> hold.inForceAt(now)).map(Hold::source)
                .or(() -> situation.suspension().filter(s -> s.inForceAt(now)).map(Suspension::source));
        return new PassResult(policy.name(), published.outcome().decision(), result.pushedCommit(), result.attempts(),
                override, ProposalText.of(result), gate.map(g -> readiness));
    }

    /** What one attempt read on its head and decided there. */
    private record Decided(PolicyState state, Decision decision) {
    }

    /**
     * A suspended policy is not decided at all: its streak does not move and the gate is not
     * asked. Otherwise the decider decides and the readiness gate, if any, may hold it back.
     */
    private Decision decide(PolicyState state, Observation observation, Instant now) {
        Optional<Suspension> suspension = state.situation().suspension().filter(s -> s.inForceAt(now));
        if (suspension.isPresent()) {
            return suspension.get().decision(state.situation().current(), state.share(), observation);
        }
        Decision decided = decider.decide(state, observation, now);
        if (gate.isEmpty() || !gate.get().concerns(decided)) {
            return decided;
        }
        // Read only when it matters (into burst, or in burst): a quiet natural day costs no API call.
        readBurstSide(now);
        return gate.get().apply(decided, state.situation(), readiness, now);
    }

    /** Reads the burst side; says so in the log when it turns not ready and when it is ready again. */
    private void readBurstSide(Instant now) {
        if (readinessProbe.isEmpty()) {
            return;
        }
        BurstReadinessProbe.Reading reading = readinessProbe.get().read();
        BurstReadiness next = readiness.next(reading.ready(), reading.detail(), now);
        if (next instanceof BurstReadiness.NotReady && !(readiness instanceof BurstReadiness.NotReady)) {
            LOG.warn("{}: burst not ready: {}", policy.name(), reading.detail());
        } else if (next instanceof BurstReadiness.Ready && readiness instanceof BurstReadiness.NotReady) {
            LOG.info("{}: burst ready again: {}", policy.name(), reading.detail());
        }
        readiness = next;
    }

    private Observation observe() {
        try {
            Sample sample = metrics.query(policy.query());
            if (queryFailing) {
                queryFailing = false;
                LOG.info("{}: the metric query answers again", policy.name());
            }
            return sample.hasData() ? Observation.rate(sample.value()) : Observation.noData();
        } catch (MetricQueryException e) {
            // Said when it starts failing, not on every poll: an outage of an hour at 1 s is one line.
            if (!queryFailing) {
                queryFailing = true;
                LOG.warn("{}: metric query failing, holding the mode until it answers: {}", policy.name(),
                        e.getMessage());
            }
            return Observation.failed(e.getMessage());
        }
    }

    /** An invalid override is ignored, and said once per head rather than once per poll. */
    private void reportInvalidOverride(PolicyState state, String head) {
        if (state.invalidOverride().isPresent() && !head.equals(invalidOverrideReportedAt)) {
            invalidOverrideReportedAt = head;
            LOG.error("ignoring invalid override {}: {}", state.invalidOverride().get().file(),
                    String.join("; ", state.invalidOverride().get().problems()));
        }
    }
}
