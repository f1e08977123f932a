package dev.burstgitops.decision;

/** What a poll that returns no data means for a policy ({@code onMissingData}). */
public enum MissingDataPolicy {
    /** No data counts toward neither entering nor leaving burst: the mode holds. */
    HOLD,
    /**
     * No data counts as below {@code exitBelow}: for services whose series disappear when
     * idle. It still has to last {@code exitFor} and respect the cooldown.
     */
    NATURAL
}
