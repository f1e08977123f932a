package dev.burstgitops.record;

import dev.burstgitops.gitops.CommitHistory;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.HistoryCommit;
import dev.burstgitops.gitops.HistoryQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit view of the change record: every decision commit of the branch, read from its
 * trailers, oldest first so it reads like a story.
 */
public final class DecisionTimeline {

    private DecisionTimeline() {
    }

    public static List<DecisionRecord> read(Path repository, String branch, Optional<String> policy,
                                            Optional<Instant> since) throws GitException {
        HistoryQuery query = policy.map(name -> HistoryQuery.trailer(DecisionTrailers.POLICY, name))
                .orElseGet(() -> HistoryQuery.anyValueOf(DecisionTrailers.POLICY));
        if (since.isPresent()) {
            query = query.since(since.get());
        }
        List<DecisionRecord> records = new ArrayList<>();
        for (HistoryCommit commit : new CommitHistory(repository, branch).find(query)) {
            DecisionRecord.of(commit).ifPresent(records::add);
        }
        java.util.Collections.reverse(records);
        return records;
    }
}
