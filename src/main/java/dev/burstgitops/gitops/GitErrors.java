package dev.burstgitops.gitops;

import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.internal.JGitText;

/**
 * Turns JGit's exceptions into {@link GitException}s whose message a person can act on. The JGit
 * exception stays the cause. Messages name the remote by its display URL (no user-info), and none
 * is built from anything that could hold the token.
 */
final class GitErrors {

    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@\\s]*@");

    private GitErrors() {
    }

    static GitException translate(String action, GitRemote remote, Exception failure) {
        if (isAuthenticationFailure(failure)) {
            String who = remote.ssh().map(key -> "key " + key.keyFile())
                    .or(() -> remote.credentials().map(credentials -> "user " + credentials.username()))
                    .orElse("no credentials configured");
            return new GitException("authentication failed for " + remote.displayUrl() + " (" + who + ")", failure);
        }
        if (mentionsBranch(failure, remote.branch())) {
            return noSuchBranch(remote, failure);
        }
        return new GitException(action + " " + remote.displayUrl() + " failed: " + innermostMessage(failure), failure);
    }

    static GitException noSuchBranch(GitRemote remote, Exception cause) {
        return new GitException("remote " + remote.displayUrl() + " has no branch '" + remote.branch() + "'", cause);
    }

    /** A URL read from a checkout's config, printable: user-info (where a password may hide) removed. */
    static String withoutUserInfo(String url) {
        return USER_INFO.matcher(url).replaceAll("");
    }

    // JGit reports a 401 only through message text. Comparing with its own (translated) texts keeps
    // this right in every locale; these two keys have been stable across JGit releases.
    private static boolean isAuthenticationFailure(Throwable failure) {
        String notAuthorized = JGitText.get().notAuthorized;
        String noCredentials = JGitText.get().noCredentialsProvider;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = Optional.ofNullable(t.getMessage()).orElse("");
            if (message.endsWith(notAuthorized) || message.contains(noCredentials)) {
                return true;
            }
        }
        return false;
    }

    // JGit says "Remote does not have refs/heads/x available for fetch" or "Remote branch
    // 'refs/heads/x' not found in upstream origin": the ref name is in the message in every
    // locale, and in no transport failure's.
    private static boolean mentionsBranch(Throwable failure, String branch) {
        String ref = "refs/heads/" + branch;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(ref)) {
                return true;
            }
        }
        return false;
    }

    private static String innermostMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return withoutUserInfo(message);
    }
}
