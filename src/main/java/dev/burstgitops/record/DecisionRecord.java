package dev.burstgitops.record;

import dev.burstgitops.gitops.HistoryCommit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the decision timeline, read back from a commit's trailers: a mode change (for a
 * spillover policy, a share change, with the new share), or an expired override's removal.
 */
public record DecisionRecord(Instant time, String policy, String from, String to, String observed, String rule,
                             Optional<String> override, Optional<String> overrideExpired, String commit,
                             String author, String subject, Optional<Integer> share) {

    static Optional<DecisionRecord> of(HistoryCommit commit) {
        Optional<String> policy = commit.trailers().first(DecisionTrailers.POLICY);
        Optional<String> decision = commit.trailers().first(DecisionTrailers.DECISION);
        Optional<String> expired = commit.trailers().first(DecisionTrailers.OVERRIDE_EXPIRED);
        if (policy.isEmpty() || (decision.isEmpty() && expired.isEmpty())) {
            return Optional.empty();
        }
        String[] fromTo = decision.orElse("-> ").split("\\s*->\\s*", 2);
        return Optional.of(new DecisionRecord(commit.time(), policy.get(), fromTo[0].strip(),
                fromTo.length > 1 ? fromTo[1].strip() : "",
                commit.trailers().first(DecisionTrailers.OBSERVED).orElse(""),
                commit.trailers().first(DecisionTrailers.RULE).orElse(""),
                commit.trailers().first(DecisionTrailers.OVERRIDE), expired, commit.shortId(),
                commit.authorName(), commit.subject(), share(commit)));
    }

    /** A spillover commit's Burst-Share; a value that is not a whole number is ignored. */
    private static Optional<Integer> share(HistoryCommit commit) {
        try {
            return commit.trailers().first(DecisionTrailers.SHARE).map(String::strip).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this entry changed the mode (rather than only removing an expired override). */
    public boolean changedMode() {
        return !to.isEmpty();
    }

    /** The fields for JSON output, absent ones left out. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("time", time.toString());
        map.put("policy", policy);
        map.put("from", from);
        map.put("to", to);
        map.put("observed", observed);
        map.put("rule", rule);
        share.ifPresent(percent -> map.put("share", percent.toString()));
        override.ifPresent(file -> map.put("override", file));
        overrideExpired.ifPresent(file -> map.put("overrideExpired", file));
        map.put("commit", commit);
        map.put("author", author);
        map.put("subject", subject);
        map.values().removeIf(String::isEmpty);
        return map;
    }

    /** One aligned line for the terminal. */
    public String line() {
        String change = changedMode() ? from + " -> " + to : "override expired";
        String at = share.map(percent -> " share " + percent + "%").orElse("")
                + (observed.isEmpty() ? "" : " at " + observed + ("no data".equals(observed) ? "" : " req/s"));
        String why = changedMode() ? " (" + rule + ")" : " (" + overrideExpired.orElse("") + " removed)";
        String by = override.map(file -> " [override " + file + "]").orElse("");
        return String.format("%s  %-10s %-19s%s%s%s  %s  %s", time, policy, change, at, why, by, commit, author);
    }
}
