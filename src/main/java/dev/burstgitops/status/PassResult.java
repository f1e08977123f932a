package dev.burstgitops.status;

import dev.burstgitops.decision.BurstReadiness;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.gitops.Revisions;
import java.util.Optional;

/**
 * What one burst-loop pass did for one policy: the decision and, when it changed the
 * weights, the commit that recorded it.
 *
 * @param attempts how many fetch-decide-push rounds it took (more than one after a rejected push)
 * @param override the override file holding the policy, when one is in force
 * @param proposal in pull-request mode, what became of the proposal ("proposed 3f2a1c9 in
 *                 https://.../pull/42"); the commit is then not on the branch yet
 * @param readiness what the policy's {@code burstReadiness} gate read this pass; empty without a gate
 */
public record PassResult(String policy, Decision decision, Optional<String> commit, int attempts,
                         Optional<String> override, Optional<String> proposal, Optional<BurstReadiness> readiness) {

    public PassResult(String policy, Decision decision, Optional<String> commit, int attempts,
                      Optional<String> override, Optional<String> proposal) {
        this(policy, decision, commit, attempts, override, proposal, Optional.empty());
    }

    public boolean queryFailed() {
        return decision.observed() instanceof Observation.QueryFailed;
    }

    /** One line for the terminal: {@code worker: burst at 20 req/s, committed 3f2a1c9 (natural -> burst: ...)}. */
    public String summary() {
        String mode = decision.to().label();
        String seen = decision.observed() instanceof Observation.Rate ? " at " + decision.observed().describe()
                : ", " + decision.observed().describe();
        if (proposal.isPresent()) {
            return policy + ": " + mode + seen + ", " + proposal.get() + " (" + decision.reason() + ")";
        }
        String action = commit.map(id -> "committed " + Revisions.shortId(id)
                        + " (" + decision.from().label() + " -> " + decision.to().label() + ": ")
                .orElse(decision instanceof Decision.Change ? "already on the branch (" : "no change (");
        return policy + ": " + mode + seen + ", " + action + decision.reason() + ")";
    }
}
