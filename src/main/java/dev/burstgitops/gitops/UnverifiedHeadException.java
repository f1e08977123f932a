package dev.burstgitops.gitops;

/**
 * The remote branch's head is not signed by a key of {@code git.verify.allowedSignersFile}: the
 * working copy was left at the revision it held before, and nothing may be built on or applied
 * from the new head until a signed commit lands on top of it.
 */
public final class UnverifiedHeadException extends GitException {

    private final String revision;
    private final String reason;

    UnverifiedHeadException(String revision, String reason) {
        super("head " + revision.substring(0, Math.min(12, revision.length()))
                + " is not signed by an allowed key (" + reason + ")");
        this.revision = revision;
        this.reason = reason;
    }

    /** The full id of the refused head. */
    public String revision() {
        return revision;
    }

    /** Why, for example "it carries no signature". */
    public String reason() {
        return reason;
    }
}
