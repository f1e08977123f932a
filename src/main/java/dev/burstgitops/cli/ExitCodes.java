package dev.burstgitops.cli;

/** Exit codes of the one-shot commands, as documented in the README. */
public final class ExitCodes {

    /** Done: committed, applied, or nothing to do. */
    public static final int OK = 0;
    /** A check found problems ({@code validate}), or a cluster failed to sync. */
    public static final int PROBLEMS = 1;
    /** The configuration cannot be used; nothing was attempted. */
    public static final int CONFIG = 2;
    /** {@code sync --once}: another replica holds the leader Lease; nothing was written. A refused start, like {@link #CONFIG}. */
    public static final int LEADER_ELSEWHERE = CONFIG;
    /** A metric query failed; nothing was committed for that policy. */
    public static final int METRICS = 3;
    /** Git failed: fetch, commit or push. */
    public static final int GIT = 4;

    private ExitCodes() {
    }
}
