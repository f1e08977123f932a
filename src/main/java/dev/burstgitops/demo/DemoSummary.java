package dev.burstgitops.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The measured figures of one demo run.
 *
 * @param crossingToBurstCommit from the rate passing 15 req/s in Prometheus to the burst commit
 * @param fallToNaturalCommit   from the rate falling below 10 req/s to the natural commit (includes exitFor)
 * @param commitToApplied       from a decision commit's push to its weights in the primary API server
 * @param finalWeights          the worker VirtualService's weights in primary when the demo stopped
 */
public record DemoSummary(LatencyFigures crossingToBurstCommit, LatencyFigures fallToNaturalCommit,
                          LatencyFigures commitToApplied, Map<String, Long> requestsByCluster,
                          Map<String, Long> resultsByPrefix, Optional<RouteWeights> finalWeights,
                          int decisions, boolean interrupted) {

    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", "summary");
        json.put("crossingToBurstCommitMs", millis(crossingToBurstCommit));
        json.put("fallToNaturalCommitMs", millis(fallToNaturalCommit));
        json.put("commitToAppliedMs", millis(commitToApplied));
        json.put("commitToAppliedMedianMs", commitToApplied.median().map(d -> d.toMillis()).orElse(null));
        json.put("commitToAppliedWorstMs", commitToApplied.worst().map(d -> d.toMillis()).orElse(null));
        json.put("requestsByCluster", requestsByCluster);
        json.put("resultsByPrefix", resultsByPrefix);
        json.put("finalWeights", finalWeights.map(RouteWeights::toString).orElse(null));
        json.put("decisions", decisions);
        json.put("interrupted", interrupted);
        return json;
    }

    private static java.util.List<Long> millis(LatencyFigures figures) {
        return figures.samples().stream().map(java.time.Duration::toMillis).toList();
    }
}
