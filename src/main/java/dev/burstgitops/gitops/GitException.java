package dev.burstgitops.gitops;

/**
 * Talking to the Git remote or the local working copy failed in a way that is not an ordinary
 * outcome (a rejected push and "nothing changed" are outcomes, not exceptions). The message names
 * the remote without user-info and never carries a credential; the JGit cause is kept.
 */
public class GitException extends Exception {

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
