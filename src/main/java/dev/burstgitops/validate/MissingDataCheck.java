package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.MissingDataPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warns of a policy that leaves burst on the first poll without data: {@code onMissingData:
 * natural} with {@code exitFor: 0s}. One empty answer (a restarted Prometheus, a scrape that
 * missed, a relabelling rollout) then sends all traffic back to a primary that is still at its
 * peak. A warning, not a problem: a service whose series vanish when idle may mean it.
 */
final class MissingDataCheck {

    private MissingDataCheck() {
    }

    static List<ValidationWarning> run(BurstGitopsConfig config, ConfigSource source) {
        List<ValidationWarning> warnings = new ArrayList<>();
        for (int i = 0; i < config.policies().size(); i++) {
            PolicyConfig policy = config.policies().get(i);
            boolean natural;
            Duration exitFor;
            if (policy.spillover().isPresent()) {
                natural = policy.spillover().get().onMissingData() == MissingDataPolicy.NATURAL;
                exitFor = policy.spillover().get().exitFor();
            } else {
                natural = policy.rule().onMissingData() == MissingDataPolicy.NATURAL;
                exitFor = policy.rule().exitFor();
            }
            if (natural && exitFor.isZero()) {
                warnings.add(source.warning(source.lineOf(List.of("policies", i, "onMissingData")), "policy "
                        + policy.name() + ": onMissingData: natural with exitFor: 0s leaves burst on the first poll"
                        + " without data (a restarted Prometheus, a missed scrape); give exitFor a few poll intervals"));
            }
        }
        return warnings;
    }
}
