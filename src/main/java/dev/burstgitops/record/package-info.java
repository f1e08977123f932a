/**
 * The change record's format: what a decision commit says and how it is read back. A decision
 * becomes file edits and a commit ({@link dev.burstgitops.record.DecisionCommitWriter}, message by
 * {@link dev.burstgitops.record.DecisionCommitMessage}, trailers named in
 * {@link dev.burstgitops.record.DecisionTrailers}); a head of the repository becomes a policy's
 * state again ({@link dev.burstgitops.record.PolicyStateReader}: weights, last mode change,
 * override); the branch's history becomes the audit timeline
 * ({@link dev.burstgitops.record.DecisionTimeline}). It is kept apart from {@code gitops}, which
 * moves commits without knowing what a decision means, and from {@code controller}, which only
 * orders the steps, because {@code history}, the cooldown and the demo all depend on this format.
 */
package dev.burstgitops.record;
