package dev.burstgitops.gitops;

import java.util.Objects;

/**
 * How a working copy trusts Git: what it signs its own commits with, and whose signature a head
 * must carry before it is built on or applied.
 */
public record GitTrust(CommitSigner signer, HeadVerifier verifier) {

    private static final GitTrust NONE = new GitTrust(CommitSigner.none(), HeadVerifier.acceptingAny());

    public GitTrust {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(verifier, "verifier");
    }

    /** Signs nothing and accepts every head, as before signing existed. */
    public static GitTrust none() {
        return NONE;
    }
}
