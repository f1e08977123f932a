package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.gitops.CommitHistory;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.PublishRetry;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.MetricsSource;
import dev.burstgitops.override.OverrideReader;
import dev.burstgitops.policy.BurstReadinessProbe;
import dev.burstgitops.policy.StreakRestore;
import dev.burstgitops.record.ModeChangeHistory;
import dev.burstgitops.record.PolicyStateReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The burst loop's passes, one per policy, over one shared working copy. Passes for different
 * policies never run at the same time: they share the checkout, and the {@link BurstScheduler}
 * runs them on one thread.
 */
public final class BurstLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BurstLoop.class);

    private final List<PolicyPass> passes;
    private final List<BurstReadinessProbe> probes;

    BurstLoop(List<PolicyPass> passes, List<BurstReadinessProbe> probes) {
        this.passes = List.copyOf(passes);
        this.probes = List.copyOf(probes);
    }

    public static BurstLoop create(BurstGitopsConfig config, MetricsSource metrics, GitWorkspace workspace,
                                   Clock clock) throws ConfigException {
        return create(config, metrics, Optional.empty(), workspace, clock);
    }

    /** @param past where each policy's streak is restored from on its first pass; empty: start without one */
    public static BurstLoop create(BurstGitopsConfig config, MetricsSource metrics, Optional<MetricsHistory> past,
                                   GitWorkspace workspace, Clock clock) throws ConfigException {
        return create(config, metrics, past, workspace, clock, false);
    }

    /** Passes that decide on the fresh head like any other but commit nothing: {@code decide --dry-run}. */
    public static BurstLoop dryRun(BurstGitopsConfig config, MetricsSource metrics, Optional<MetricsHistory> past,
                                   GitWorkspace workspace, Clock clock) throws ConfigException {
        return create(config, metrics, past, workspace, clock, true);
    }

    private static BurstLoop create(BurstGitopsConfig config, MetricsSource metrics, Optional<MetricsHistory> past,
                                    GitWorkspace workspace, Clock clock, boolean dryRun) throws ConfigException {
        return create(config, metrics, past, workspace, clock, PublishRetry.defaults(), dryRun);
    }

    /** @param retry how a rejected push is tried again; tests give one that does not sleep */
    static BurstLoop create(BurstGitopsConfig config, MetricsSource metrics, Optional<MetricsHistory> past,
                            GitWorkspace workspace, Clock clock, PublishRetry retry, boolean dryRun)
            throws ConfigException {
        Optional<StreakRestore> restore = past.map(StreakRestore::new);
        Publishers publishers = new Publishers(config, workspace, retry, dryRun);
        ModeChangeHistory history = new ModeChangeHistory(
                new CommitHistory(workspace.directory(), config.git().branch()));
        OverrideReader overrides = new OverrideReader(config.git().maxOverrideDuration());
        List<PolicyPass> passes = new ArrayList<>();
        List<BurstReadinessProbe> probes = new ArrayList<>();
        for (PolicyConfig policy : config.policies()) {
            PolicyStateReader state = new PolicyStateReader(policy, history, overrides);
            Optional<BurstReadinessProbe> probe = policy.burstReadiness().map(gate -> new BurstReadinessProbe(gate,
                    ClusterSyncs.target(config, config.cluster(gate.cluster()).orElseThrow())));
            probe.ifPresent(probes::add);
            passes.add(new PolicyPass(policy, metrics, publishers.forPolicy(policy.name()), state, clock, restore,
                    probe));
        }
        return new BurstLoop(passes, probes);
    }

    public List<PolicyPass> passes() {
        return passes;
    }

    /** Releases the clients of the readiness gates. */
    @Override
    public void close() {
        for (BurstReadinessProbe probe : probes) {
            try {
                probe.close();
            } catch (RuntimeException e) {
                LOG.warn("closing a readiness probe's client: {}", e.toString());
            }
        }
    }
}
