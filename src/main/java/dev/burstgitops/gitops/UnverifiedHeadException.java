package dev.burstgitops.gitops;

/**
 * The remote branch's head is not signed by a key of {@code git.verify.allowedSignersFile}, or
 * is signed but rewinds the verified history: the working copy was left at the revision it held
 * before, and nothing may be built on or applied from the new head until a signed commit lands on
 * top of it (of the head last taken, for a rewind).
 */
public final class UnverifiedHeadException extends GitException {

    private final String revision;
    private final String reason;

    UnverifiedHeadException(String revision, String reason) {
        this(revision, reason, "head " + revision.substring(0, Math.min(12, revision.length()))
                + " is not signed by an allowed key (" + reason + ")");
    }

    private UnverifiedHeadException(String revision, String reason, String message) {
        super(message);
        this.revision = revision;
        this.reason = reason;
    }

    /** A signed head that does not descend from the verified head last taken. */
    static UnverifiedHeadException rewound(String revision, String reason) {
        return new UnverifiedHeadException(revision, reason, "head " + revision.substring(0, Math.min(12,
                revision.length())) + " is refused (" + reason + ")");
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
