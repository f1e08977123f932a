package dev.burstgitops.gitops.forge;

import java.util.Objects;

/** What became of the auto-merge request made right after a pull request was opened. */
public sealed interface AutoMerge {

    static AutoMerge off() {
        return Off.INSTANCE;
    }

    static AutoMerge enabled() {
        return Enabled.INSTANCE;
    }

    static AutoMerge refused(String reason) {
        return new Refused(reason);
    }

    /** {@code git.pullRequest.autoMerge} is false: nothing was asked. */
    enum Off implements AutoMerge { INSTANCE }

    /** The forge accepted: it merges when checks pass (or merged at once when nothing was pending). */
    enum Enabled implements AutoMerge { INSTANCE }

    /**
     * The forge said no (repository setting off, no required checks, missing permission) or did
     * not answer. The pull request stays open for a person to merge.
     */
    record Refused(String reason) implements AutoMerge {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
