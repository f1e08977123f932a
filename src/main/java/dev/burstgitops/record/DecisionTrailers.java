package dev.burstgitops.record;

/**
 * The git trailers of decision commits: the machine-readable half of the change record.
 * {@code history} and the cooldown read them back, so they are part of the contract.
 */
public final class DecisionTrailers {

    public static final String POLICY = "Burst-Policy";
    /** {@code natural -> burst}; present only on commits that changed the mode. */
    public static final String DECISION = "Burst-Decision";
    /** The observed rate in req/s, or {@code no data}. */
    public static final String OBSERVED = "Burst-Observed";
    /** The rule that fired: {@code > 15 req/s for 0s}, {@code override until ...}. */
    public static final String RULE = "Burst-Rule";
    /** A spillover policy's new burst share in percent ({@code 40}); the primary gets the rest. */
    public static final String SHARE = "Burst-Share";
    /** Why the burst side could not keep its traffic, on a change back to natural by the readiness gate. */
    public static final String FALLBACK = "Burst-Fallback";
    /** The override file that drove the change. */
    public static final String OVERRIDE = "Burst-Override";
    /** The expired override file this commit removes. */
    public static final String OVERRIDE_EXPIRED = "Burst-Override-Expired";

    private DecisionTrailers() {
    }
}
