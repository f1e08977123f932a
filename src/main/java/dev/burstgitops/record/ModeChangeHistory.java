package dev.burstgitops.record;

import dev.burstgitops.gitops.CommitHistory;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.HistoryCommit;
import dev.burstgitops.gitops.HistoryQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each policy last changed mode, read from the trailers of the decision commits, so the
 * cooldown survives restarts. The answer only changes when the branch head does, so it is
 * remembered per head: a poll every second does not walk the history every second.
 */
public final class ModeChangeHistory {

    private final CommitHistory history;
    private final Map<String, Optional<HistoryCommit>> byPolicy = new HashMap<>();
    private String head;

    public ModeChangeHistory(CommitHistory history) {
        this.history = history;
    }

    /** The newest decision commit of {@code policy} reachable from {@code currentHead}. */
    synchronized Optional<HistoryCommit> lastChange(String policy, String currentHead) throws GitException {
        if (!currentHead.equals(head)) {
            byPolicy.clear();
            head = currentHead;
        }
        Optional<HistoryCommit> known = byPolicy.get(policy);
        if (known == null) {
            known = history.find(HistoryQuery.trailer(DecisionTrailers.POLICY, policy)).stream()
                    .filter(commit -> commit.trailers().first(DecisionTrailers.DECISION).isPresent())
                    .findFirst();
            byPolicy.put(policy, known);
        }
        return known;
    }
}
