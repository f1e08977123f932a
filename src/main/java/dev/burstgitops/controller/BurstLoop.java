package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.gitops.CommitHistory;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.MetricsSource;
import dev.burstgitops.override.OverrideReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The burst loop's passes, one per policy, over one shared working copy. Passes for different
 * policies never run at the same time: they share the checkout, and the {@link BurstScheduler}
 * runs them on one thread.
 */
public final class BurstLoop {

    private final List<PolicyPass> passes;

    BurstLoop(List<PolicyPass> passes) {
        this.passes = List.copyOf(passes);
    }

    public static BurstLoop create(BurstGitopsConfig config, MetricsSource metrics, GitWorkspace workspace,
                                   Clock clock) throws ConfigException {
        return create(config, metrics, Optional.empty(), workspace, clock);
    }

    /** @param past where each policy's streak is restored from on its first pass; empty: start without one */
    public static BurstLoop create(BurstGitopsConfig config, MetricsSource metrics, Optional<MetricsHistory> past,
                                   GitWorkspace workspace, Clock clock) throws ConfigException {
        Optional<StreakRestore> restore = past.map(StreakRestore::new);
        Publishers publishers = new Publishers(config, workspace);
        ModeChangeHistory history = new ModeChangeHistory(
                new CommitHistory(workspace.directory(), config.git().branch()));
        OverrideReader overrides = new OverrideReader(config.git().maxOverrideDuration());
        List<PolicyPass> passes = new ArrayList<>();
        for (PolicyConfig policy : config.policies()) {
            PolicyStateReader state = new PolicyStateReader(policy, history, overrides);
            passes.add(new PolicyPass(policy, metrics, publishers.forPolicy(policy.name()), state, clock, restore));
        }
        return new BurstLoop(passes);
    }

    public List<PolicyPass> passes() {
        return passes;
    }
}
