package dev.burstgitops.cli;

import dev.burstgitops.status.PassResult;
import dev.burstgitops.decision.BurstReadiness;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Observation;
import java.util.LinkedHashMap;
import java.util.Map;

/** One policy's pass as {@code decide -o json} prints it; absent values are left out. */
final class PassResultJson {

    private PassResultJson() {
    }

    static Map<String, Object> of(PassResult result, boolean dryRun) {
        Decision decision = result.decision();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policy", result.policy());
        json.put("decision", decision instanceof Decision.Change ? "change" : "stay");
        json.put("from", decision.from().label());
        json.put("to", decision.to().label());
        decision.share().ifPresent(share -> {
            json.put("fromShare", share.from());
            json.put("toShare", share.to());
        });
        if (decision.observed() instanceof Observation.Rate rate) {
            json.put("observed", rate.perSecond());
        }
        json.put("observedText", decision.observed().describe());
        json.put("reason", decision.reason());
        result.commit().ifPresent(commit -> json.put("commit", commit));
        result.proposal().ifPresent(proposal -> json.put("proposal", proposal));
        result.override().ifPresent(override -> json.put("override", override));
        result.readiness().ifPresent(readiness -> {
            json.put("burstReady", readiness instanceof BurstReadiness.Ready);
            json.put("burstReadiness", readiness.detail());
        });
        json.put("dryRun", dryRun);
        return json;
    }
}
