package dev.burstgitops.record;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.RateText;
import dev.burstgitops.gitops.CommitMessage;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the message of a decision commit: a subject a person scans in {@code git log
 * --oneline}, a body that explains the change, and trailers a machine reads back.
 *
 * <pre>
 * burst(worker): natural -> burst at 20 req/s (> 15 req/s for 0s)
 * burst(worker): share 0% -> 40% at 150 req/s (capacity 100 req/s, step 10%)
 * </pre>
 *
 * <p>A spillover commit keeps {@code Burst-Decision} in modes (share 0 is natural, any other
 * share burst: {@code burst -> burst} for 40% -> 60%), so readers of the mode and the cooldown
 * need not know about shares, and adds {@code Burst-Share} with the new share.
 */
public final class DecisionCommitMessage {

    private DecisionCommitMessage() {
    }

    static CommitMessage of(PolicyConfig policy, Decision.Change change, Instant decidedAt) {
        VirtualServiceConfig vs = policy.virtualService();
        String subject = "burst(" + policy.name() + "): " + fromTo(change)
                + " at " + change.observed().describe() + " (" + change.rule() + ")";
        Map<String, Integer> weights = DecisionCommitWriter.weightsFor(vs, change);
        String body = "Observed " + change.observed().describe() + " at " + decidedAt + " on:\n"
                + "  " + policy.query() + "\n\n"
                + capitalized(change.reason()) + ".\n\n"
                + "Routes of VirtualService " + vs.name() + " in " + vs.file() + " now send "
                + weights.get(vs.primarySubset()) + "% to subset " + vs.primarySubset() + " and "
                + weights.get(vs.burstSubset()) + "% to subset " + vs.burstSubset() + ".";
        CommitMessage message = CommitMessage.of(subject).withBody(body)
                .withTrailer(DecisionTrailers.POLICY, policy.name())
                .withTrailer(DecisionTrailers.DECISION, change.from().label() + " -> " + change.to().label())
                .withTrailer(DecisionTrailers.OBSERVED, observed(change.observed()))
                .withTrailer(DecisionTrailers.RULE, change.rule());
        if (change.share().isPresent()) {
            message = message.withTrailer(DecisionTrailers.SHARE, Integer.toString(change.share().get().to()));
        }
        if (change.fallback().isPresent()) {
            message = message.withTrailer(DecisionTrailers.FALLBACK, change.fallback().get());
        }
        if (change.hold().isPresent()) {
            message = message.withTrailer(DecisionTrailers.OVERRIDE, change.hold().get().source());
        }
        return message;
    }

    /** "natural -> burst", or for a spillover policy "share 0% -> 40%". */
    private static String fromTo(Decision.Change change) {
        return change.share().map(move -> "share " + move.from() + "% -> " + move.to() + "%")
                .orElseGet(() -> change.from().label() + " -> " + change.to().label());
    }

    private static String observed(Observation observation) {
        return observation instanceof Observation.Rate rate ? RateText.format(rate.perSecond()) : observation.describe();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
