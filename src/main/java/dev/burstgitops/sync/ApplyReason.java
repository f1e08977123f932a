package dev.burstgitops.sync;

import java.util.Locale;

/**
 * Why a pass wrote an object: the {@code reason} label of {@code burst_gitops_applies_total}.
 * Drift is only ever a live object that differed from what this controller last applied, so an
 * ordinary deploy from Git never counts as one.
 */
public enum ApplyReason {
    /** Git asks for something new: the object is new, or its configuration changed since the last apply. */
    GIT,
    /** Someone else changed the object (or deleted it, or took fields this controller owns) since the last apply. */
    DRIFT,
    /** An object this controller has no record of applying: adopted, or its ownership taken from kubectl. */
    TAKEOVER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
