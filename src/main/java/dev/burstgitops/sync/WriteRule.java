package dev.burstgitops.sync;

import java.util.Optional;

/**
 * When an object is written, decided from what the inventory says was last applied, never from a
 * comparison of values: the API server alone knows what it would store, so it is asked (a
 * dry-run apply) only when something outside Git may have changed the object.
 *
 * <table>
 *   <caption>What a pass does with one desired object</caption>
 *   <tr><th>live object</th><th>Git since the last apply</th><th>written by someone since</th><th>step</th></tr>
 *   <tr><td>absent</td><td>any</td><td>-</td><td>create (git; drift when Git did not change)</td></tr>
 *   <tr><td>present</td><td>unchanged</td><td>no (or verified at this version)</td><td>nothing: no request</td></tr>
 *   <tr><td>present</td><td>changed</td><td>no</td><td>apply (git), no dry run</td></tr>
 *   <tr><td>present</td><td>changed</td><td>yes</td><td>dry run, then apply (git)</td></tr>
 *   <tr><td>present</td><td>unchanged</td><td>yes</td><td>dry run; apply only if it differs (drift)</td></tr>
 *   <tr><td>present</td><td>never applied</td><td>-</td><td>dry run; apply only if it differs (takeover)</td></tr>
 * </table>
 * In detect and dry-run mode every "apply" is a dry run instead, so the plan shows field by field
 * what would change.
 */
final class WriteRule {

    enum Step {
        /** Nothing to send: the object is as this controller left it. */
        NOTHING,
        /** Create the object. */
        CREATE,
        /** Apply at once: Git changed and nobody else wrote the object since. */
        APPLY,
        /** Ask the server with a dry-run apply, and write only what that shows. */
        PREVIEW
    }

    record Judgement(Step step, ApplyReason reason) {
    }

    private WriteRule() {
    }

    /**
     * @param liveResourceVersion the live object's resourceVersion; null when there is no live object
     * @param verified            this controller already previewed the same configuration at this resourceVersion
     * @param write               apply mode (else detect or dry-run)
     */
    static Judgement judge(Optional<LastApply> last, String digest, String liveResourceVersion, boolean verified,
                           boolean write) {
        boolean gitChanged = last.map(applied -> !applied.digest().equals(digest)).orElse(true);
        if (liveResourceVersion == null) {
            return new Judgement(Step.CREATE, last.isPresent() && !gitChanged ? ApplyReason.DRIFT : ApplyReason.GIT);
        }
        if (last.isEmpty()) {
            return new Judgement(Step.PREVIEW, ApplyReason.TAKEOVER);
        }
        boolean untouched = last.get().untouchedAt(liveResourceVersion);
        if (!gitChanged) {
            return untouched || verified ? new Judgement(Step.NOTHING, ApplyReason.DRIFT)
                    : new Judgement(Step.PREVIEW, ApplyReason.DRIFT);
        }
        return new Judgement(untouched && write ? Step.APPLY : Step.PREVIEW, ApplyReason.GIT);
    }
}
